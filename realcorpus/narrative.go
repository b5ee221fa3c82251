package realcorpus

import (
	"regexp"
	"strings"

	"jixiao"
	"jixiao/claims"
	"jixiao/internal/cjk"
)

// A report with no table has its truth under figures: or claims: (a list
// of what the narrative states: the quantity and its value, target,
// actual, rate, parts). NarrativeRead measures how many of them the claims
// reader attributes: it finds the figure, and labels it with words of the
// quantity the truth names.

// TruthClaim is one entry of figures: / claims:, kept as the truth wrote it.
type TruthClaim map[string]any

// claimLabelKeys name the quantity; claimFigureKeys hold its figures.
var (
	claimLabelKeys  = []string{"what", "quantity", "item"}
	claimFigureKeys = []string{"value", "target", "actual", "rate", "total", "amount", "share"}
)

func (c TruthClaim) label() string {
	for _, k := range claimLabelKeys {
		if s, ok := c[k].(string); ok && s != "" {
			return s
		}
	}
	return ""
}

// figure is one figure of the truth's narrative and the quantity it is of.
type figure struct{ quantity, value string }

// figures lists the entry's figures: its own fields, then its parts, each
// of the part's own name.
func (c TruthClaim) figures() []figure {
	var out []figure
	q := c.label()
	for _, k := range claimFigureKeys {
		if s, ok := c[k].(string); ok && figureRe.MatchString(s) {
			out = append(out, figure{q, s})
		}
	}
	for _, k := range [...]string{"parts", "of_which"} {
		if m, ok := c[k].(map[string]any); ok {
			for name, v := range m {
				if s, ok := v.(string); ok && figureRe.MatchString(s) {
					out = append(out, figure{name, s})
				}
			}
		}
	}
	return out
}

// figureRe finds the number (and what follows it up to a unit's end) of a
// truth value written with words around it ("不低于85%", "资金到位率100%").
var figureRe = regexp.MustCompile(`[0-9][0-9,，]*(\.[0-9]+)?`)

// NarrativeRead is the share of the truth's narrative figures the claims
// reader finds in the document's text with a label sharing words with
// the quantity the truth names.
func NarrativeRead(tr Truth, doc *jixiao.Document) Share {
	var s Share
	entries := append(append([]TruthClaim(nil), tr.Figures...), tr.Claims...)
	if len(entries) == 0 {
		return s
	}
	var text strings.Builder
	for _, b := range doc.Blocks {
		if b.Kind != jixiao.BlockTable {
			text.WriteString(b.Text)
			text.WriteByte('\n')
		}
	}
	set := claims.ExtractText(text.String())
	for _, e := range entries {
		for _, f := range e.figures() {
			s.Total++
			if attributed(set, f) {
				s.Read++
			}
		}
	}
	return s
}

// attributed reports a claim of the figure's number whose label (or, for
// a count, the noun it counts: 174台拼接屏; for a label that names nothing
// of its own, the topic of its clause: …的项目有1项,涉及金额为460万元)
// shares two characters running with the quantity.
func attributed(set *claims.Set, f figure) bool {
	num := strings.NewReplacer(",", "", "，", "").Replace(figureRe.FindString(f.value))
	for i := range set.Claims {
		c := &set.Claims[i]
		if c.Value.String() != trimZeros(num) && !strings.HasPrefix(cjk.Fold(c.Text), num) {
			continue
		}
		if sharesBigram(c.Label+c.Key+c.Noun+c.Topic, f.quantity) {
			return true
		}
	}
	return false
}

// trimZeros writes a decimal literal as decimal.String does (no trailing
// zeros after the point).
func trimZeros(n string) string {
	if strings.Contains(n, ".") {
		n = strings.TrimRight(strings.TrimRight(n, "0"), ".")
	}
	return n
}

// sharesBigram reports two strings holding the same two characters in a row.
func sharesBigram(a, b string) bool {
	ra := []rune(cjk.Fold(a))
	for i := 0; i+1 < len(ra); i++ {
		if strings.Contains(cjk.Fold(b), string(ra[i:i+2])) {
			return true
		}
	}
	return false
}
