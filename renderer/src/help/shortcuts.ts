/** Every key of the screen, as the 帮助 window lists them: one list, so help and keys cannot drift apart. */
export const SHORTCUTS: readonly { group: string; keys: readonly (readonly [string, string])[] }[] = [
  {
    group: '移动',
    keys: [
      ['方向键', '移到相邻单元格'],
      ['Tab / Shift+Tab', '右移 / 左移'],
      ['回车', '下移；用 Tab 逐格录入后按回车，回到开始录入那一列的下一行'],
      ['Home / End', '本行第一列 / 最后一列'],
      ['Ctrl+Home / Ctrl+End', '第一行第一列 / 最后一行最后一列'],
      ['Ctrl+↑ / Ctrl+↓', '第一行 / 最后一行'],
      ['PageUp / PageDown', '上一屏 / 下一屏'],
    ],
  },
  {
    group: '录入',
    keys: [
      ['直接输入', '开始编辑并替换单元格内容（中文输入法同样可以直接输入）'],
      ['F2 或双击', '编辑单元格原有内容'],
      ['Esc', '放弃本次编辑'],
      ['↑ / ↓（下拉列表中）', '选择科目或选项；回车或 Tab 确认'],
      ['拼音首字母', '选择项可输入首字母，如 jb＝基本支出，xm＝项目支出，yb＝一般公共预算财政拨款'],
      ['Ctrl+Enter', '打开项目支出所在项目的项目信息'],
    ],
  },
  {
    group: '区域',
    keys: [
      ['Shift+方向键 / Shift+单击', '选择矩形区域'],
      ['按住鼠标拖动', '选择矩形区域'],
      ['单击行号', '选择整行（Shift+单击行号选择多行）'],
      ['Ctrl+A', '选择全部明细'],
      ['Delete', '清除所选单元格（金额清除后显示为空并标出，待填写）'],
      ['Ctrl+C / Ctrl+V', '与 Excel、WPS 互相复制粘贴；复制一个单元格后粘贴到区域，整个区域填入该值'],
      ['Ctrl+D / Ctrl+R', '向下填充 / 向右填充'],
      ['Ctrl+Z / Ctrl+Y', '撤销 / 重做（粘贴、填充、清除各为一步）'],
    ],
  },
  {
    group: '其他',
    keys: [
      ['F1', '打开本帮助'],
      ['Ctrl+P', '打印当前表（公开表）'],
    ],
  },
];

/** How an amount may be typed into 金额（元）. */
export const AMOUNT_FORMS: readonly (readonly [string, string])[] = [
  ['1200 或 1,200.00', '元，最多两位小数；千分位逗号可有可无'],
  ['120.05万', '以万元为单位，换算为 1,200,500.00 元'],
  ['=43*128*12+3250*12', '算式：按 + − × ÷ 和括号计算，算式记入“测算依据”'],
  ['-500', '负数（冲减），审核会提示'],
  ['留空或 Delete', '金额未填：显示为空并标出'],
];
