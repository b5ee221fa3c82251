package docx

import (
	"errors"
	"io"
	"strings"

	"jixiao/importer/internal/limit"
)

// style is a paragraph style as declared; inherited properties are
// resolved by lookup through basedOn.
type style struct {
	name    string
	basedOn string
	outline int // 0-based outline level; -1 when not set
	numID   int // -1 when not set
	ilvl    int
}

type styles map[string]*style

// readStyles reads the paragraph styles; a missing part is no styles.
func readStyles(z *limit.Zip, part string, lim limit.Limits) (styles, error) {
	st := styles{}
	buf, err := readPart(z, part)
	if errors.Is(err, limit.ErrNoPart) {
		return st, nil
	} else if err != nil {
		return nil, partError(err)
	}
	defer release(buf)
	x := newScanner(buf.Bytes(), lim.MaxXMLDepth)
	var cur *style
	for {
		t, err := x.next()
		if err == io.EOF {
			return st, nil
		} else if err != nil {
			return nil, err
		}
		switch t.kind {
		case tStart:
			switch string(t.local) {
			case "latentStyles", "docDefaults", "rPr", "tblPr", "tcPr", "trPr", "tblStylePr", "pPrChange", "rPrChange":
				if err := x.skip(); err != nil {
					return nil, err
				}
			case "style":
				if attr(t.attr, "type") != "paragraph" {
					cur = nil
					if err := x.skip(); err != nil {
						return nil, err
					}
					continue
				}
				cur = &style{outline: -1, numID: -1}
				st[attr(t.attr, "styleId")] = cur
			case "name":
				if cur != nil {
					cur.name = attr(t.attr, "val")
				}
			case "basedOn":
				if cur != nil {
					cur.basedOn = attr(t.attr, "val")
				}
			case "outlineLvl":
				if n, ok := atoi(attr(t.attr, "val")); ok && cur != nil {
					cur.outline = n
				}
			case "numId":
				if n, ok := atoi(attr(t.attr, "val")); ok && cur != nil {
					cur.numID = n
				}
			case "ilvl":
				if n, ok := atoi(attr(t.attr, "val")); ok && cur != nil {
					cur.ilvl = n
				}
			}
		case tEnd:
			if string(t.local) == "style" {
				cur = nil
			}
		}
	}
}

// maxInherit bounds basedOn chains, which a hostile file can make cyclic.
const maxInherit = 16

// name returns the style's display name, or its id when it has none.
func (st styles) name(id string) string {
	if s := st[id]; s != nil && s.name != "" {
		return s.name
	}
	return id
}

// outline returns the style's 0-based outline level, inherited or implied
// by a built-in heading name; -1 for body text.
func (st styles) outline(id string) int {
	for i, cur := 0, id; i < maxInherit && cur != ""; i++ {
		s := st[cur]
		if s == nil {
			break
		}
		if s.outline >= 0 {
			return s.outline
		}
		if n := headingName(s.name); n > 0 {
			return n - 1
		}
		cur = s.basedOn
	}
	if n := headingName(id); n > 0 {
		return n - 1
	}
	return -1
}

// num returns the style's list numbering, inherited; numID -1 when none.
func (st styles) num(id string) (numID, ilvl int) {
	for i, cur := 0, id; i < maxInherit && cur != ""; i++ {
		s := st[cur]
		if s == nil {
			break
		}
		if s.numID >= 0 {
			return s.numID, s.ilvl
		}
		cur = s.basedOn
	}
	return -1, 0
}

// headingName recognises the built-in heading names ("heading 1",
// "Heading1", "标题 1") and returns their level, 0 for any other name.
func headingName(s string) int {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, p := range []string{"heading", "标题"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			rest = strings.TrimSpace(rest)
			if len(rest) == 1 && rest[0] >= '1' && rest[0] <= '9' {
				return int(rest[0] - '0')
			}
		}
	}
	return 0
}
