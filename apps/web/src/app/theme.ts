import type { ThemeConfig } from 'antd';

/** Party red as the primary colour, a calm layout, slightly larger text for daily reading. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#c4161c',
    colorLink: '#c4161c',
    borderRadius: 6,
    fontSize: 14,
    fontFamily: "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif",
  },
  components: {
    Layout: { siderBg: '#7f0d12', triggerBg: '#6b0b0f', headerBg: '#ffffff', bodyBg: '#f4f5f7' },
    Menu: { darkItemBg: '#7f0d12', darkSubMenuItemBg: '#6b0b0f', darkItemSelectedBg: '#c4161c' },
  },
};
