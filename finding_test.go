package jixiao

import "testing"

func TestPositionDescribe(t *testing.T) {
	tests := []struct {
		p    Position
		want string
	}{
		{Position{Line: 25, Col: 2}, "第 25 行"},
		{Position{Sheet: "自评表", Row: 7, Cell: 3}, "工作表 自评表 第 7 行第 3 列"},
		{Position{Page: 2, Row: 5}, "第 2 页第 5 行"},
		{Position{Page: 2}, "第 2 页"},
		{Position{Table: 1, Row: 3, Cell: 2}, "表 1 第 3 行第 2 格"},
		{Position{}, ""},
	}
	for _, tt := range tests {
		if got := tt.p.Describe(); got != tt.want {
			t.Errorf("%+v.Describe() = %q, want %q", tt.p, got, tt.want)
		}
	}
}
