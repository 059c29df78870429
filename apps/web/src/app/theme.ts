import type { ThemeConfig } from 'antd';

/**
 * Party red as the primary colour, a calm layout, slightly larger text for daily reading.
 *
 * Accessibility (GB/T 37668-2019, WCAG 2.1 AA; ADR 0013): every colour text is drawn in reaches
 * 4.5:1 on white and on the page grey #f4f5f7 (ratios in the comments, on white). antd's defaults
 * do not: its tertiary grey is 3.4:1, placeholder and disabled grey 1.8:1, error red 3.3:1, success
 * green 2.2:1, and the 7th shade of several tag palettes (the tag text) 2–3.4:1. The light tint
 * backgrounds are pinned to antd's own so the look stays the same. e2e/a11y.e2e.test.ts checks every
 * page with axe-core.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#c4161c', // 6.0:1, white on it 6.0:1
    colorPrimaryHover: '#a8121a', // darker on hover: white text stays above 4.5:1 (antd's lighter shade would not)
    colorPrimaryActive: '#8f0f15',
    colorLink: '#c4161c',
    colorLinkHover: '#8f0f15',
    colorLinkActive: '#7f0d12',
    /** Links are underlined, never told apart by colour alone (WCAG 1.4.1). */
    linkDecoration: 'underline',
    linkHoverDecoration: 'underline',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)', // #595959, 7.0:1
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)', // #666666, 5.7:1 (descriptions, secondary text, statistic titles)
    colorTextQuaternary: 'rgba(0, 0, 0, 0.56)', // #707070, 4.9:1 (placeholders, disabled, empty states)
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorTextDisabled: 'rgba(0, 0, 0, 0.56)',
    colorError: '#cf1322', // 5.6:1; 5.1:1 on its tint
    colorErrorBg: '#fff2f0',
    colorErrorBgHover: '#fff1f0',
    colorErrorBorder: '#ffccc7',
    colorErrorBorderHover: '#ffa39e',
    colorErrorHover: '#a8071a',
    colorErrorActive: '#820014',
    colorWarning: '#a35200', // 5.6:1; 5.4:1 on its tint
    colorWarningBg: '#fffbe6',
    colorWarningBgHover: '#fff1b8',
    colorWarningBorder: '#ffe58f',
    colorWarningBorderHover: '#ffd666',
    colorSuccess: '#237804', // 5.6:1; 5.4:1 on its tint
    colorSuccessBg: '#f6ffed',
    colorSuccessBgHover: '#d9f7be',
    colorSuccessBorder: '#b7eb8f',
    colorSuccessBorderHover: '#95de64',
    colorInfo: '#0958d9', // 6.0:1; 5.5:1 on its tint
    colorInfoBg: '#e6f4ff',
    colorInfoBgHover: '#bae0ff',
    colorInfoBorder: '#91caff',
    colorInfoBorderHover: '#69b1ff',
    // Preset tag text is the palette's 7th shade: the shades below 4.5:1 on their 1st-shade tint
    // take a darker one.
    volcano7: '#ad2102', // 6.4:1
    orange7: '#ad4e00', // 5.1:1
    gold7: '#874d00', // 6.5:1
    yellow7: '#876800', // 5.2:1
    lime7: '#3f6600', // 6.6:1
    green7: '#237804', // 5.4:1
    cyan7: '#006d75', // 5.8:1
    borderRadius: 6,
    fontSize: 14,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif",
  },
  components: {
    Layout: { siderBg: '#7f0d12', triggerBg: '#6b0b0f', headerBg: '#ffffff', bodyBg: '#f4f5f7' },
    // Menu text: white at 0.65 on #7f0d12 is 5.1:1, white on the selected red 6.0:1.
    Menu: { darkItemBg: '#7f0d12', darkSubMenuItemBg: '#6b0b0f', darkItemSelectedBg: '#c4161c' },
  },
};
