package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jixiao"
	"jixiao/importer/text"
)

// relayStyles write a table's rows in each of the separator styles real
// copies use. An empty cell is written as the style can carry it; the
// styles that cannot (runs of spaces, single spaces) write the dash
// documents use for an empty cell, which canonical reads back as empty.
var relayStyles = []struct {
	name string
	row  func(cells []string) string
}{
	{"tab", func(c []string) string { return strings.Join(c, "\t") + "\n" }},
	{"bars", func(c []string) string { return strings.Join(c, " | ") + " |\n" }},
	{"framed-bars", func(c []string) string { return "| " + strings.Join(c, " | ") + " |\n" }},
	{"cell-per-line-bar", func(c []string) string { return strings.Join(c, " |\n") + " |\n" }},
	{"cell-per-line", func(c []string) string { return strings.Join(c, "\n") + "\n" }},
	{"cell-per-line-blank", func(c []string) string { return strings.Join(blankAsSpace(c), "\n\n") + "\n\n" }},
	{"spaces", func(c []string) string { return strings.Join(dashEmpty(c), "    ") + "\n" }},
	{"run-together", func(c []string) string { return strings.Join(dashEmpty(c), " ") + " " }},
}

func blankAsSpace(c []string) []string {
	out := make([]string, len(c))
	for i, s := range c {
		out[i] = s
		if s == "" {
			out[i] = " "
		}
	}
	return out
}

func dashEmpty(c []string) []string {
	out := make([]string, len(c))
	for i, s := range c {
		out[i] = strings.ReplaceAll(s, " ", "")
		if s == "" {
			out[i] = "—"
		}
	}
	return out
}

// TestRelaySameEvaluation feeds every corpus document's tables, their
// cells re-laid in each separator style, and asserts that the same
// evaluations come out as from the tables rebuilt from the source: every
// document, those whose source is read only in part too (an OCR'd copy's
// unread cells are re-laid as the marks the reader left in them).
func TestRelaySameEvaluation(t *testing.T) {
	dirs, _ := filepath.Glob("../testdata/real/*/source.txt")
	if len(dirs) == 0 {
		t.Skip("no corpus")
	}
	for _, p := range dirs {
		name := filepath.Base(filepath.Dir(p))
		doc := mustReadText(t, p)
		tables := rebuildTables(tokenize(doc))
		if len(tables) == 0 {
			continue
		}
		want := canonicalAll(ExtractAllTables(doc))
		for _, st := range relayStyles {
			t.Run(name+"/"+st.name, func(t *testing.T) {
				var b strings.Builder
				for _, tb := range tables {
					if tb.title != "" {
						b.WriteString(tb.title + "\n")
					}
					for _, r := range tb.table.Rows {
						b.WriteString(st.row(r.Texts()))
					}
					b.WriteString("\n")
				}
				got := canonicalAll(ExtractAllTables(mustReadString(t, b.String())))
				if got != want {
					t.Errorf("re-laid as %s, the evaluations differ:\n--- source\n%s\n--- re-laid\n%s\n--- text\n%.3000s", st.name, want, got, b.String())
				}
			})
		}
	}
}

func mustReadText(t *testing.T, path string) *jixiao.Document {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return mustReadString(t, string(b))
}

func mustReadString(t *testing.T, s string) *jixiao.Document {
	t.Helper()
	doc, err := text.Read(strings.NewReader(s), "relay.txt")
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// canonicalAll writes what the tables state, figures as text, with the
// empty-cell dash read as empty.
func canonicalAll(ts []Table) string {
	var b strings.Builder
	for _, t := range ts {
		ev := t.Eval
		if len(ev.Indicators) == 0 && !ev.Budget.FullYear.Stated() && !ev.StatedTotal.Stated() {
			continue
		}
		// the year is read from the text around the table, which re-laying leaves out
		fmt.Fprintf(&b, "%s|%s|%s\n", ev.Kind, ev.Unit, ev.Project)
		bu := &ev.Budget
		fmt.Fprintf(&b, "budget %s\n", figs(bu.Request, bu.Initial, bu.FullYear, bu.Executed, bu.Weight, bu.Rate, bu.Score))
		for _, s := range bu.Splits {
			for _, r := range s.Rows {
				fmt.Fprintf(&b, "  %s/%s %s\n", s.Name, r.Name, figs(r.Initial, r.FullYear, r.Executed, r.Rate))
			}
		}
		for _, in := range ev.Indicators {
			fmt.Fprintf(&b, "  %s|%s|%s|%s|%s|%s\n", undash(in.Level1), undash(in.Level2), undash(in.Name), undash(in.Target.Raw), undash(in.Actual.Raw), figs(in.Weight, in.Score))
		}
		fmt.Fprintf(&b, "total %s\n", undash(ev.StatedTotal.Text))
	}
	return b.String()
}

func figs(fs ...jixiao.Figure) string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = undash(f.Text)
	}
	return strings.Join(out, "|")
}

func undash(s string) string {
	s = strings.ReplaceAll(s, " ", "")
	if s == "—" {
		return ""
	}
	return s
}
