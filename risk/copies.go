package risk

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/shopspring/decimal"
)

// doc is one entry's text as compared.
type doc struct {
	set []uint64
	sig [hashes]uint64
}

// match is the most similar other entry found.
type match struct {
	other        int
	inter, union int
}

// better reports whether m is more similar than n (ties: lower index).
func (m match) better(n match) bool {
	if n.other < 0 {
		return true
	}
	// m.inter/m.union > n.inter/n.union, exactly
	l, r := m.inter*n.union, n.inter*m.union
	return l > r || l == r && m.other < n.other
}

// atLeast reports whether inter/union ≥ th, exactly.
func atLeast(inter, union int, th decimal.Decimal) bool {
	return union > 0 && decimal.NewFromInt(int64(inter)).GreaterThanOrEqual(th.Mul(decimal.NewFromInt(int64(union))))
}

func similarity(inter, union int) string {
	return decimal.NewFromInt(int64(inter)).Shift(2).Div(decimal.NewFromInt(int64(union))).StringFixed(2) + "%"
}

// copies finds, for each entry, the most similar text of another unit
// (through MinHash LSH candidates, then exact Jaccard) and its similarity
// with its own previous year (exact), and returns the copy reasons.
func copies(entries []Entry, prev []int, w *Weights) [][]Reason {
	docs := make([]doc, len(entries))
	parallel(len(entries), func(i int) {
		docs[i].set = Shingles(Narrative(entries[i].Eval))
		if len(docs[i].set) >= w.CopyPeer.MinGrams {
			docs[i].sig = signature(docs[i].set)
		}
	})
	units := make([]string, len(entries))
	for i := range entries {
		units[i] = UnitKey(entries[i].Eval)
	}
	best := make([]match, len(entries))
	for i := range best {
		best[i].other = -1
	}
	for _, p := range candidates(docs, w.CopyPeer.MinGrams) {
		i, j := p[0], p[1]
		if units[i] == units[j] {
			continue
		}
		in, un := Overlap(docs[i].set, docs[j].set)
		if m := (match{j, in, un}); m.better(best[i]) {
			best[i] = m
		}
		if m := (match{i, in, un}); m.better(best[j]) {
			best[j] = m
		}
	}
	out := make([][]Reason, len(entries))
	for i, b := range best {
		if b.other >= 0 && atLeast(b.inter, b.union, w.CopyPeer.SimilarityAtLeast) {
			o := entries[b.other].Eval
			out[i] = append(out[i], Reason{
				Code: "R-COPY-PEER", Points: w.CopyPeer.Weight.Round(2), Related: entries[b.other].ID,
				Message:  fmt.Sprintf("文字与另一单位 %s（%d 年）的自评高度相似", units[b.other], o.Year),
				Evidence: fmt.Sprintf("相似度 %s（规范化文字的 5 字片段：相同 %d / 合计 %d）", similarity(b.inter, b.union), b.inter, b.union),
			})
		}
		p := prev[i]
		if p < 0 || len(docs[i].set) < w.CopyPrev.MinGrams || len(docs[p].set) < w.CopyPrev.MinGrams {
			continue
		}
		in, un := Overlap(docs[i].set, docs[p].set)
		if atLeast(in, un, w.CopyPrev.SimilarityAtLeast) {
			out[i] = append(out[i], Reason{
				Code: "R-COPY-PREV", Points: w.CopyPrev.Weight.Round(2), Related: entries[p].ID,
				Message:  fmt.Sprintf("文字与本单位 %d 年的自评高度相似", entries[p].Eval.Year),
				Evidence: fmt.Sprintf("相似度 %s（规范化文字的 5 字片段：相同 %d / 合计 %d）", similarity(in, un), in, un),
			})
		}
	}
	return out
}

// candidates returns the pairs (i < j) of documents that share a MinHash
// band, each once, in order.
func candidates(docs []doc, minGrams int) [][2]int {
	buckets := map[uint64][]int{}
	for i := range docs {
		if len(docs[i].set) < minGrams {
			continue
		}
		for b := range bands {
			k := bandKey(&docs[i].sig, b)
			buckets[k] = append(buckets[k], i)
		}
	}
	seen := map[[2]int]bool{}
	var out [][2]int
	for _, idx := range buckets {
		for a := 0; a < len(idx); a++ {
			for b := a + 1; b < len(idx); b++ {
				p := [2]int{idx[a], idx[b]}
				if !seen[p] {
					seen[p] = true
					out = append(out, p)
				}
			}
		}
	}
	slices.SortFunc(out, func(x, y [2]int) int {
		if c := cmp.Compare(x[0], y[0]); c != 0 {
			return c
		}
		return cmp.Compare(x[1], y[1])
	})
	return out
}

// parallel runs fn(0..n-1) on every core; each i is independent.
func parallel(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), max(n, 1))
	var wg sync.WaitGroup
	for k := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := k; i < n; i += workers {
				fn(i)
			}
		}()
	}
	wg.Wait()
}
