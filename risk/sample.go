package risk

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/shopspring/decimal"
)

// SampleOptions says how to draw a 抽查 list.
type SampleOptions struct {
	Size int // how many to check
	// RandomShare is the share of Size drawn at random from the rest, so
	// that a unit cannot know it is safe by keeping its score low (0–1;
	// the count is Size × RandomShare rounded half up).
	RandomShare decimal.Decimal
	Seed        uint64 // the same seed and ranking give the same list
}

// Pick is one sampled evaluation.
type Pick struct {
	Assessment
	Random bool // drawn at random, not for its risk
}

// DefaultRandomShare is the random share when none is chosen.
var DefaultRandomShare = decimal.RequireFromString("0.2")

// Sample draws the list: the Size − k highest-risk evaluations, then k
// drawn uniformly without replacement from the rest, in rank order. A Size
// above the number ranked takes them all.
func Sample(ranked []Assessment, opt SampleOptions) ([]Pick, error) {
	if opt.Size < 0 {
		return nil, errors.New("risk: 抽查数量不能为负数")
	}
	if opt.RandomShare.IsNegative() || opt.RandomShare.GreaterThan(decimal.NewFromInt(1)) {
		return nil, fmt.Errorf("risk: 随机抽取比例 %s 应在 0 到 1 之间", opt.RandomShare)
	}
	size := min(opt.Size, len(ranked))
	k := int(opt.RandomShare.Mul(decimal.NewFromInt(int64(size))).Round(0).IntPart())
	top := size - k
	out := make([]Pick, 0, size)
	for _, a := range ranked[:top] {
		out = append(out, Pick{Assessment: a})
	}
	rest := ranked[top:]
	rng := rand.New(rand.NewPCG(opt.Seed, 0x6a697869616f)) // "jixiao"
	idx := make([]int, len(rest))
	for i := range idx {
		idx[i] = i
	}
	for i := range k { // partial Fisher–Yates
		j := i + rng.IntN(len(idx)-i)
		idx[i], idx[j] = idx[j], idx[i]
	}
	chosen := slices.Clone(idx[:k])
	slices.Sort(chosen)
	for _, i := range chosen {
		out = append(out, Pick{Assessment: rest[i], Random: true})
	}
	return out, nil
}
