package publish

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
)

// bom starts the CSV files: Excel, which most readers of these files
// open them with, reads UTF-8 without it as the local code page.
const bom = "\uFEFF"

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// EvaluationColumns are the columns of opendata/evaluations.csv.
var EvaluationColumns = []string{"id", "kind", "unit", "department", "year", "project", "project_code", "rules",
	"initial", "full_year", "executed", "stated_rate", "stated_total", "stated_grade",
	"computed_rate", "computed_execution_score", "computed_total", "computed_grade", "indicators"}

// IndicatorColumns are the columns of opendata/indicators.csv.
var IndicatorColumns = []string{"id", "row", "level1", "level2", "name", "target", "actual", "type",
	"weight", "stated_score", "computed_score", "deviation", "measure_unit"}

func evaluationsCSV(rs []Record) ([]byte, error) {
	rows := [][]string{EvaluationColumns}
	for _, r := range rs {
		b := &r.Budget
		rows = append(rows, []string{r.ID, r.Kind, r.Unit, r.Department, strconv.Itoa(r.Year), r.Project, r.ProjectCode, r.Rules,
			str(b.Initial), str(b.FullYear), str(b.Executed), str(b.Rate), str(r.Stated.Total), r.Stated.Grade,
			str(r.Computed.ExecutionRate), str(r.Computed.ExecutionScore), r.Computed.Total, r.Computed.Grade, strconv.Itoa(len(r.Indicators))})
	}
	return writeCSV(rows)
}

func indicatorsCSV(rs []Record) ([]byte, error) {
	rows := [][]string{IndicatorColumns}
	for _, r := range rs {
		for i, in := range r.Indicators {
			rows = append(rows, []string{r.ID, strconv.Itoa(i + 1), in.Level1, in.Level2, in.Name, in.Target, in.Actual, in.Type,
				str(in.Weight), str(in.Score), str(in.ComputedScore), in.Deviation, in.MeasureUnit})
		}
	}
	return writeCSV(rows)
}

func writeCSV(rows [][]string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(bom)
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		return nil, fmt.Errorf("publish: csv: %w", err)
	}
	return b.Bytes(), nil
}
