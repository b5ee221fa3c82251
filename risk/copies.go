package risk

import (
	"fmt"
	"runtime"
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
	best := peers(docs, units, w.CopyPeer)
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

// estimateSlack: a candidate pair is compared exactly when its MinHash
// estimate (the share of equal signature entries) is at most this far
// below the threshold. The estimate's standard deviation is at most 0.05
// with 100 hash functions, so 0.2 is four of them.
var estimateSlack = decimal.RequireFromString("0.2")

// peers finds each document's most similar document of another unit among
// the pairs sharing a MinHash band (LSH), comparing the candidates exactly.
func peers(docs []doc, units []string, s Signal) []match {
	buckets := map[uint64][]int32{}
	keys := make([][bands]uint64, len(docs))
	for i := range docs {
		if len(docs[i].set) < s.MinGrams {
			continue
		}
		for b := range bands {
			keys[i][b] = bandKey(&docs[i].sig, b)
			buckets[keys[i][b]] = append(buckets[keys[i][b]], int32(i))
		}
	}
	minEqual := int(s.SimilarityAtLeast.Sub(estimateSlack).Mul(decimal.NewFromInt(hashes)).Ceil().IntPart())
	found := make([][]match, len(docs)) // found[i]: pairs (i, j > i) above the threshold
	workers := min(runtime.GOMAXPROCS(0), max(len(docs), 1))
	var wg sync.WaitGroup
	for k := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mark := make([]int32, len(docs))
			for i := range mark {
				mark[i] = -1
			}
			for i := k; i < len(docs); i += workers {
				if len(docs[i].set) < s.MinGrams {
					continue
				}
				for b := range bands {
					for _, j := range buckets[keys[i][b]] {
						if int(j) <= i || mark[j] == int32(i) || units[j] == units[i] {
							continue
						}
						mark[j] = int32(i)
						if equalEntries(&docs[i].sig, &docs[j].sig) < minEqual {
							continue
						}
						in, un := Overlap(docs[i].set, docs[j].set)
						if atLeast(in, un, s.SimilarityAtLeast) {
							found[i] = append(found[i], match{int(j), in, un})
						}
					}
				}
			}
		}()
	}
	wg.Wait()
	best := make([]match, len(docs))
	for i := range best {
		best[i].other = -1
	}
	for i, ms := range found {
		for _, m := range ms {
			if m.better(best[i]) {
				best[i] = m
			}
			if n := (match{i, m.inter, m.union}); n.better(best[m.other]) {
				best[m.other] = n
			}
		}
	}
	return best
}

// equalEntries counts the equal entries of two signatures.
func equalEntries(a, b *[hashes]uint64) int {
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return n
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
