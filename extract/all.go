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
	}
	return out
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
