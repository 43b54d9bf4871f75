"""A client of `gongwen serve` with nothing but Python's standard library (3.8 or later).

    python3 gongwen_client.py http://127.0.0.1:8080 report.yaml report.pdf [--format pdf] [--lang en] [--seal seal.png=path/seal.png]

The token, if the service has one, comes from the environment variable GONGWEN_TOKEN. A report the
service cannot render (422) prints its diagnostics, one a line at line:column, and exits 1; a busy
service (429, 503) is asked again after the seconds its Retry-After says, up to five times.
"""
import argparse
import base64
import json
import os
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

ATTEMPTS = 5


class ServiceError(Exception):
    """The service refused the request; `body` is its JSON (files[0].diagnostics: line, column, ruleId, message, hint)."""

    def __init__(self, status, body):
        super().__init__(f"gongwen answered {status}")
        self.status = status
        self.body = body


def render(base_url, yaml_text, seals=None, fmt="pdf", lang="zh", token=None):
    """Renders a report (the YAML text, seal images by the name the report gives them) to the bytes of one format."""
    body = json.dumps({
        "report": yaml_text,
        "seals": {name: base64.b64encode(data).decode("ascii") for name, data in (seals or {}).items()},
    }).encode("utf-8")
    query = urllib.parse.urlencode({"format": fmt, "lang": lang})
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    for attempt in range(1, ATTEMPTS + 1):
        request = urllib.request.Request(f"{base_url.rstrip('/')}/v1/render?{query}", data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=180) as response:
                return response.read()
        except urllib.error.HTTPError as e:
            if e.code in (429, 503) and attempt < ATTEMPTS:
                time.sleep(int(e.headers.get("Retry-After", "1")))
                continue
            raise ServiceError(e.code, json.loads(e.read().decode("utf-8"))) from None


def main():
    parser = argparse.ArgumentParser(description="Render a report with gongwen serve.")
    parser.add_argument("service")
    parser.add_argument("report")
    parser.add_argument("output")
    parser.add_argument("--format", default="pdf")
    parser.add_argument("--lang", default="zh", choices=["zh", "en"])
    parser.add_argument("--seal", action="append", default=[], help="name=path of a seal image the report names")
    args = parser.parse_args()
    seals = {}
    for spec in args.seal:
        name, _, path = spec.partition("=")
        with open(path or name, "rb") as f:
            seals[name] = f.read()
    with open(args.report, encoding="utf-8") as f:
        yaml_text = f.read()
    try:
        document = render(args.service, yaml_text, seals, args.format, args.lang, os.environ.get("GONGWEN_TOKEN"))
    except ServiceError as e:
        for file in e.body.get("files", []):
            for d in file.get("diagnostics", []):
                where = f"{file.get('path')}:{d.get('line', '?')}:{d.get('column', '?')}"
                print(f"{where} {d['severity']} {d['ruleId']}: {d['message']}" + (f" ({d['hint']})" if d.get("hint") else ""), file=sys.stderr)
        sys.exit(1)
    # Written next to the target, then moved over it: a reader never sees half a document.
    target = os.path.abspath(args.output)
    fd, temp = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".gongwen-", suffix=".tmp")
    with os.fdopen(fd, "wb") as f:
        f.write(document)
    os.replace(temp, target)
    print(f"{target} {len(document)} bytes")


if __name__ == "__main__":
    main()
