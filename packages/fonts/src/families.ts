import { fontRoles, type FontRole } from '@gongwen/model';

/**
 * Official family names searched for each role, best first: the names from the layout spec, then
 * the names the same typefaces carry on macOS and Linux or from other foundries. A name matches a
 * face's family name in any language of its `name` table.
 */
export const officialFamilies: Record<FontRole, readonly string[]> = {
  title: [...fontRoles.title.families, 'FZXiaoBiaoSong-B05', '方正小标宋'],
  organMark: [...fontRoles.organMark.families, 'FZXiaoBiaoSong-B05', '方正小标宋'],
  body: [...fontRoles.body.families, 'FangSong_GB2312', '华文仿宋', '方正仿宋_GBK', '方正仿宋简体'],
  heading1: [...fontRoles.heading1.families, '华文黑体', '方正黑体_GBK', '方正黑体简体'],
  heading2: [...fontRoles.heading2.families, 'KaiTi_GB2312', '华文楷体', '方正楷体_GBK', '方正楷体简体'],
  pageNumber: [...fontRoles.pageNumber.families, '华文宋体', 'NSimSun', '新宋体'],
};

/** Open faces, installed by Linux distributions, close enough to serve a role when the official one is absent. */
export const lookAlikeFamilies: Partial<Record<FontRole, readonly string[]>> = {
  heading2: ['LXGW WenKai', '霞鹜文楷', 'AR PL KaitiM GB'],
};

/** The open fonts installed from npm with this package, used when nothing better is found. */
export interface BundledFace {
  pkg: '@expo-google-fonts/noto-serif-sc' | '@expo-google-fonts/noto-sans-sc';
  file: string;
  /** What it stands in for, for `explain()`. */
  standsInFor: string;
  /** Why this face, when the choice needs saying. */
  note?: { zh: string; en: string };
}

const serifRegular: BundledFace = { pkg: '@expo-google-fonts/noto-serif-sc', file: '400Regular/NotoSerifSC_400Regular.ttf', standsInFor: '' };
const serifBold: BundledFace = { pkg: '@expo-google-fonts/noto-serif-sc', file: '700Bold/NotoSerifSC_700Bold.ttf', standsInFor: '' };
const sansRegular: BundledFace = { pkg: '@expo-google-fonts/noto-sans-sc', file: '400Regular/NotoSansSC_400Regular.ttf', standsInFor: '' };

/**
 * No open-licensed 仿宋, 楷体 or 小标宋 with GB2312 coverage exists as a static TrueType file in npm:
 * Noto Serif SC (a 宋体 design) stands in for 仿宋 and 宋体, its Bold for 小标宋 and, lacking any
 * 楷体, for level-2 headings so they still differ from the body; Noto Sans SC is a true 黑体.
 */
export const bundledFaces: Record<FontRole, BundledFace> = {
  title: { ...serifBold, standsInFor: '方正小标宋简体' },
  organMark: { ...serifBold, standsInFor: '方正小标宋简体' },
  body: { ...serifRegular, standsInFor: '仿宋_GB2312' },
  heading1: { ...sansRegular, standsInFor: '黑体' },
  heading2: {
    ...serifBold,
    standsInFor: '楷体_GB2312',
    note: {
      zh: 'npm 中没有开源的楷体 TrueType 字体，暂以 Noto Serif SC Bold 代替；Linux 可安装 fonts-lxgw-wenkai 或 fonts-arphic-gkai00mp',
      en: 'no open 楷体 TrueType font exists in npm, so Noto Serif SC Bold stands in; on Linux install fonts-lxgw-wenkai or fonts-arphic-gkai00mp',
    },
  },
  pageNumber: { ...serifRegular, standsInFor: '宋体' },
};

export const allRoles = Object.keys(fontRoles) as FontRole[];
