package audit

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDatesBeforeDocuments(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // dates found, as written
	}{
		{"a 2012 date for a 2022 document (testdata/real/guangxi-zizhiqu-swt-2022)",
			"1.资金下达情况。2012年6月14日,广西收到《财政部关于下达2022年服务业发展资金预算的通知》(财建〔2022〕153号),下达中央服务业发展资金(县域商业建设行动)14680万元。",
			[]string{"2012年6月14日"}},
		{"the same, corrected", "2022年6月14日,广西收到《财政部关于下达2022年服务业发展资金预算的通知》(财建〔2022〕153号),下达中央服务业发展资金14680万元。", nil},
		{"an allocation issued in advance: the title's year is next year's", "2021年11月20日，我县收到《关于提前下达2022年衔接推进乡村振兴补助资金的通知》（湘财农指〔2021〕85号），下达资金2179万元。", nil},
		{"a date the document speaks of is no date of receiving it", "根据《关于下达2022年项目资金的通知》（桂财建〔2022〕98号），对2021年12月31日前完成的项目给予补助。", nil},
		{"as a PDF spaces it", "1.资金下达情况。2012 年 6 月 14 日,广西收到《财政部关于下达 2022 年服务业发展资金预算的通知》(财建〔2022〕153 号),下达中央服务业发展资金", []string{"2012年6月14日"}},
		{"square brackets", "2019年3月2日，县财政局转发《关于下达资金的通知》（财农[2020]12号）。", []string{"2019年3月2日"}},
		{"two sentences do not mix", "2012年6月14日收到文件。《关于下达资金的通知》（财建〔2022〕153号）下达资金。", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range datesBeforeDocuments(tt.text) {
				got = append(got, d.date)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("dates (-want +got):\n%s", d)
			}
		})
	}
}

// FuzzDatesBeforeDocuments checks that every date found is in the text
// and earlier than its document's year.
func FuzzDatesBeforeDocuments(f *testing.F) {
	f.Add("2012年6月14日,广西收到《财政部关于下达2022年服务业发展资金预算的通知》(财建〔2022〕153号)")
	f.Add("2019年3月2日转发《通知》（财农[2020]12号）")
	f.Add("2012年1月1日收到《《《》（〔2022〕号")
	f.Fuzz(func(t *testing.T, text string) {
		for _, d := range datesBeforeDocuments(text) {
			if !strings.HasPrefix(d.date, strconv.Itoa(d.year)+"年") || !strings.Contains(text, strconv.Itoa(d.year)) || d.year >= d.docYear {
				t.Fatalf("%q: found %+v", text, d)
			}
		}
	})
}
