package pdf

import (
	"testing"

	"github.com/shopspring/decimal"

	"jixiao/render/report"
)

func TestShown(t *testing.T) {
	d := decimal.RequireFromString
	tests := []struct {
		name string
		cell report.Cell
		want string
	}{
		{"AmountOnePlace", report.Cell{Text: "0.0", Kind: report.KindAmount, Number: d("0"), Valid: true}, "0.00"},
		{"AmountTwoPlaces", report.Cell{Text: "674.85", Kind: report.KindAmount, Number: d("674.85"), Valid: true}, "674.85"},
		{"ScoreWhole", report.Cell{Text: "20", Kind: report.KindScore, Number: d("20"), Valid: true}, "20.00"},
		{"PercentOnePlace", report.Cell{Text: "61.2%", Kind: report.KindPercent, Number: d("0.612"), Valid: true}, "61.20%"},
		{"PercentWhole", report.Cell{Text: "100%", Kind: report.KindPercent, Number: d("1"), Valid: true}, "100.00%"},
		{"WeightAsWritten", report.Cell{Text: "20", Kind: report.KindWeight, Number: d("20"), Valid: true}, "20"},
		{"MorePlacesKeepText", report.Cell{Text: "674.855", Kind: report.KindAmount, Number: d("674.855"), Valid: true}, "674.855"},
		{"NotANumber", report.Cell{Text: "—", Kind: report.KindText}, "—"},
		{"Invalid", report.Cell{Text: "约20", Kind: report.KindAmount}, "约20"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := shown(tt.cell); got != tt.want {
				t.Errorf("shown(%q) = %q, want %q", tt.cell.Text, got, tt.want)
			}
		})
	}
}
