package extract

import "unicode/utf8"

// Labels of tables published in traditional characters (a mirror site's
// conversion: 績效自評表, 項目資金 (萬元)) are matched after mapping the
// characters the template's labels use to their simplified forms. Only
// labels are mapped: the cells' text stays as printed.
var simplified = map[rune]rune{
	'績': '绩',
	'評': '评',
	'項': '项',
	'資': '资',
	'萬': '万',
	'預': '预',
	'數': '数',
	'執': '执',
	'實': '实',
	'際': '际',
	'標': '标',
	'級': '级',
	'質': '质',
	'時': '时',
	'經': '经',
	'濟': '济',
	'會': '会',
	'態': '态',
	'滿': '满',
	'務': '务',
	'對': '对',
	'總': '总',
	'額': '额',
	'權': '权',
	'產': '产',
	'門': '门',
	'單': '单',
	'財': '财',
	'撥': '拨',
	'當': '当',
	'結': '结',
	'轉': '转',
	'計': '计',
	'劃': '划',
	'調': '调',
	'後': '后',
	'範': '范',
	'圍': '围',
	'內': '内',
	'個': '个',
	'區': '区',
	'縣': '县',
	'農': '农',
	'業': '业',
	'設': '设',
	'環': '环',
	'續': '续',
	'長': '长',
	'發': '发',
	'義': '义',
	'達': '达',
	'進': '进',
	'問': '问',
	'題': '题',
	'負': '负',
	'責': '责',
	'聯': '联',
	'電': '电',
	'話': '话',
	'說': '说',
	'況': '况',
	'現': '现',
	'規': '规',
	'報': '报',
	'價': '价',
	'準': '准',
	'確': '确',
	'與': '与',
	'為': '为',
	'應': '应',
	'無': '无',
	'據': '据',
	'並': '并',
	'綜': '综',
	'導': '导',
	'參': '参',
	'護': '护',
	'維': '维',
	'體': '体',
	'處': '处',
	'點': '点',
	'組': '组',
	'織': '织',
	'員': '员',
	'營': '营',
	'運': '运',
	'專': '专',
	'戶': '户',
	'選': '选',
	'擇': '择',
	'創': '创',
	'衛': '卫',
	'險': '险',
	'週': '周',
	'鄉': '乡',
	'鎮': '镇',
	'線': '线',
	'網': '网',
	'絡': '络',
	'統': '统',
	'構': '构',
	'圖': '图',
	'書': '书',
	'館': '馆',
	'醫': '医',
	'療': '疗',
	'稱': '称',
	'齊': '齐',
	'雜': '杂',
	'補': '补',
	'驗': '验',
	'違': '违',
	'費': '费',
}

// traditional is a bitmap of simplified's keys, asked of every rune of a
// label before the map.
var traditional = func() *[1 << 16 / 64]uint64 {
	var b [1 << 16 / 64]uint64
	for r := range simplified {
		b[r/64] |= 1 << (r % 64)
	}
	return &b
}()

// toSimplified maps the traditional characters of s the labels use, and
// reports whether it found any.
func toSimplified(s string) (string, bool) {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r < 1<<16 && traditional[r/64]&(1<<(r%64)) != 0 {
			break
		}
		i += n
	}
	if i == len(s) {
		return s, false
	}
	b := make([]rune, 0, len(s)/2)
	for _, r := range s {
		if t, ok := simplified[r]; ok {
			r = t
		}
		b = append(b, r)
	}
	return string(b), true
}
