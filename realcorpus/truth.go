package realcorpus

// Truth is a document's truth.yaml (testdata/real/README and
// brief-corpus-format describe it).
type Truth struct {
	Tables []TruthTable `yaml:"tables"`
	Report bool         `yaml:"report"`
	Errors []TruthError `yaml:"errors"`
	// RuleSet names the rule set the document's own text puts it under,
	// when that is not its province's (a note fixing the 一级 weights).
	RuleSet string `yaml:"rule_set"`
	// Figures and Claims list what a report's narrative states (the two
	// names the truths use for one list).
	Figures []TruthClaim `yaml:"figures"`
	Claims  []TruthClaim `yaml:"claims"`
}

// TruthTable is one table as the truth states it; a nil field is one the
// table does not have.
type TruthTable struct {
	Kind          string           `yaml:"kind"`
	Unit          string           `yaml:"unit"`
	Project       string           `yaml:"project"`
	Year          int              `yaml:"year"`
	UnitOfAmounts string           `yaml:"unit_of_amounts"`
	Budget        *TruthBudget     `yaml:"budget"`
	Indicators    []TruthIndicator `yaml:"indicators"`
	Total         *string          `yaml:"total"`
}

// TruthBudget is the 年度资金总额 row and its splits.
type TruthBudget struct {
	Request  *string      `yaml:"request"`
	Initial  *string      `yaml:"initial"`
	FullYear *string      `yaml:"full_year"`
	Executed *string      `yaml:"executed"`
	Weight   *string      `yaml:"weight"`
	Rate     *string      `yaml:"rate"`
	Score    *string      `yaml:"score"`
	Splits   []TruthSplit `yaml:"splits"`
}

// TruthSplit is one 其中 / 资金来源 / 按…分 row, or a group of "label:value"
// rows (按收入性质分: 一般公共预算:1325.68 …) whose one figure each is read
// as the row's 全年预算数.
type TruthSplit struct {
	Group string `yaml:"group"`
	Rows  []struct {
		Name  string  `yaml:"name"`
		Value *string `yaml:"value"`
	} `yaml:"rows"`

	Name     string  `yaml:"name"`
	Initial  *string `yaml:"initial"`
	FullYear *string `yaml:"full_year"`
	Executed *string `yaml:"executed"`
	Rate     *string `yaml:"rate"`
}

// TruthIndicator is one 三级 row.
type TruthIndicator struct {
	Level1 *string `yaml:"level1"`
	Level2 *string `yaml:"level2"`
	Name   *string `yaml:"name"`
	Target *string `yaml:"target"`
	Actual *string `yaml:"actual"`
	Weight *string `yaml:"weight"`
	Score  *string `yaml:"score"`
}

// TruthError is one real error of the document.
type TruthError struct {
	Code     string `yaml:"code"`
	Severity string `yaml:"severity"`
	Where    string `yaml:"where"`
	Stated   string `yaml:"stated"`
	Expected string `yaml:"expected"`
	// Unprovable says why the stored copy cannot show the error (OCR ran
	// cells together so that which one is empty cannot be told): the
	// document has it, but no reader of this copy can prove it, so it is
	// reported apart and not counted in the recall.
	Unprovable string `yaml:"unprovable"`
}
