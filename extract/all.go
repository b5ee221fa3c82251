package extract

import "jixiao"

// Table is one 自评表 read from a document and the notes on its reading.
type Table struct {
	Eval  *jixiao.Evaluation
	Notes []Note
}

// ExtractAll reads every 自评表 in doc, in order: a page of project
// evaluations gives one Evaluation per table. The tables are found in the
// document's cells by their labels (rebuildTables), whatever separated
// the cells in the source. The 自评报告's data, when the document has one,
// is set on the first table's Evaluation. A document without any table
// gives one Evaluation holding what was found (unit, year, the report)
// and a note saying no table was found: its narrative can still be
// checked.
func ExtractAll(doc *jixiao.Document) []Table {
	all := ExtractAllTables(doc)
	if rep, rnotes := ExtractReport(doc); rep != nil {
		all[0].Eval.Report = rep
		all[0].Notes = append(all[0].Notes, rnotes...)
	}
	return all
}

// ExtractAllTables is ExtractAll without the report's data. It always
// returns at least one Table.
func ExtractAllTables(doc *jixiao.Document) []Table {
	ts := tokenize(doc)
	found := rebuildTables(ts)
	if len(found) == 0 {
		ev, notes := readTable(doc)
		if len(ev.Indicators) == 0 {
			if t, ok := headlessTable(doc, ts); ok {
				return []Table{t}
			}
		}
		return []Table{{ev, notes}}
	}
	out := make([]Table, 0, len(found))
	var untitled []bool
	for _, t := range found {
		sub := &jixiao.Document{Path: doc.Path, Format: doc.Format, Encoding: doc.Encoding}
		if t.title != "" {
			sub.Blocks = append(sub.Blocks, jixiao.Block{Kind: jixiao.BlockParagraph, Text: t.title, Pos: t.titlePos})
		}
		sub.Blocks = append(sub.Blocks, jixiao.Block{Kind: jixiao.BlockTable, Table: t.table, Pos: t.table.Rows[0].Pos})
		ev, notes := readTable(sub)
		if ev.Year == 0 {
			notes = yearOfDoc(doc, ev, notes)
		}
		out = append(out, Table{ev, notes})
		untitled = append(untitled, t.title == "")
	}
	return dropUnscored(out, untitled)
}

// dropUnscored drops the tables found without a title that hold nothing a
// 自评表 scores (no 分值, 执行率, 得分, indicator or 总分) when another table
// does. Such a table is a report's chart or summary read as cells: a
// Chromium-printed report's bar chart of 年初预算数/全年预算数/执行数 lays
// its bars' labels and figures out as budget rows, and taken for the first
// table it would hide the 自评表 the report attaches.
func dropUnscored(tables []Table, untitled []bool) []Table {
	keep := make([]bool, len(tables))
	some := false
	for i, t := range tables {
		keep[i] = !untitled[i] || scored(t.Eval)
		some = some || scored(t.Eval)
	}
	if !some {
		return tables
	}
	out := tables[:0]
	for i, t := range tables {
		if keep[i] {
			out = append(out, t)
		}
	}
	return out
}

// scored reports an Evaluation holding a figure a 自评表 scores by.
func scored(ev *jixiao.Evaluation) bool {
	b := ev.Budget
	return len(ev.Indicators) > 0 || ev.StatedTotal.Stated() || b.Weight.Stated() || b.Rate.Stated() || b.Score.Stated()
}

// yearOfDoc looks for the year in the document's text when the table and
// its title do not state it, as readTable does for a document of one
// table, and drops the note that it was not found when it is.
func yearOfDoc(doc *jixiao.Document, ev *jixiao.Evaluation, notes []Note) []Note {
	for _, b := range doc.Blocks {
		if b.Kind == jixiao.BlockTable {
			continue
		}
		if n, ok := yearIn(b.Text, yearOfText); ok {
			ev.Year = n
			if !b.Pos.IsZero() {
				ev.Provenance[fieldYear] = b.Pos
			}
			out := notes[:0]
			for _, nt := range notes {
				if nt.Field != fieldYear {
					out = append(out, nt)
				}
			}
			return out
		}
	}
	return notes
}
