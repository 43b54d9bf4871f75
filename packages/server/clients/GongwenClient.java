import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client of {@code gongwen serve} with nothing but the JDK (11 or later): copy this file into a
 * project, or run it as it is.
 *
 * <pre>
 * java GongwenClient.java http://127.0.0.1:8080 report.yaml report.pdf [--format pdf] [--lang en] [--seal seal.png=path/seal.png]
 * </pre>
 *
 * The token, if the service has one, comes from the environment variable GONGWEN_TOKEN. A report the
 * service cannot render (422) prints its diagnostics JSON and exits 1; a busy service (429, 503) is
 * asked again after the seconds its Retry-After says, up to five times.
 */
public final class GongwenClient {
  /** The service refused the request; {@code body} is its JSON: {@code files[0].diagnostics[]} with line, column, ruleId, message, hint. */
  public static final class ServiceException extends IOException {
    public final int status;
    public final String body;

    ServiceException(int status, String body) {
      super("gongwen answered " + status + ": " + body);
      this.status = status;
      this.body = body;
    }
  }

  private static final int ATTEMPTS = 5;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;
  private final String token;

  public GongwenClient(String baseUrl, String token) {
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    this.token = token;
  }

  /**
   * Renders a report: the YAML text, the seal images it names (name → bytes), the format (pdf, docx,
   * html, txt, md or zip) and the language of messages (zh or en). Returns the document's bytes.
   */
  public byte[] render(String yaml, Map<String, byte[]> seals, String format, String lang) throws IOException, InterruptedException {
    StringBuilder json = new StringBuilder("{\"report\":").append(quote(yaml)).append(",\"seals\":{");
    String comma = "";
    for (Map.Entry<String, byte[]> seal : seals.entrySet()) {
      json.append(comma).append(quote(seal.getKey())).append(':').append(quote(Base64.getEncoder().encodeToString(seal.getValue())));
      comma = ",";
    }
    json.append("}}");
    URI uri = base.resolve("v1/render?format=" + URLEncoder.encode(format, StandardCharsets.UTF_8) + "&lang=" + URLEncoder.encode(lang, StandardCharsets.UTF_8));
    for (int attempt = 1; ; attempt++) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri)
          .timeout(Duration.ofMinutes(3))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json.toString(), StandardCharsets.UTF_8));
      if (token != null && !token.isEmpty()) request.header("Authorization", "Bearer " + token);
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      int status = response.statusCode();
      if (status == 200) return response.body();
      if ((status == 429 || status == 503) && attempt < ATTEMPTS) {
        Thread.sleep(1000 * response.headers().firstValueAsLong("Retry-After").orElse(1));
        continue;
      }
      throw new ServiceException(status, new String(response.body(), StandardCharsets.UTF_8));
    }
  }

  /** A JSON string: the text between quotes, with quotes, backslashes and control characters escaped. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20 || c == 0x2028 || c == 0x2029) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append('"').toString();
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: java GongwenClient.java <service-url> <report.yaml> <output> [--format pdf] [--lang zh|en] [--seal name=path]…");
      System.exit(2);
    }
    String format = "pdf";
    String lang = "zh";
    Map<String, byte[]> seals = new LinkedHashMap<>();
    for (int i = 3; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--format" -> format = args[i + 1];
        case "--lang" -> lang = args[i + 1];
        case "--seal" -> {
          String[] nameAndPath = args[i + 1].split("=", 2);
          seals.put(nameAndPath[0], Files.readAllBytes(Path.of(nameAndPath[nameAndPath.length - 1])));
        }
        default -> {
          System.err.println("unknown option " + args[i]);
          System.exit(2);
        }
      }
    }
    GongwenClient client = new GongwenClient(args[0], System.getenv("GONGWEN_TOKEN"));
    String yaml = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
    try {
      byte[] document = client.render(yaml, seals, format, lang);
      // Written next to the target, then moved over it: a reader never sees half a document.
      Path output = Path.of(args[2]).toAbsolutePath();
      Path temp = Files.createTempFile(output.getParent(), ".gongwen-", ".tmp");
      Files.write(temp, document);
      Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      System.out.println(output + " " + document.length + " bytes");
    } catch (ServiceException e) {
      System.err.println(e.status + " " + e.body);
      System.exit(1);
    }
  }
}
