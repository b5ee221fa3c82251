// Package limit holds the bounds every importer enforces on untrusted files
// and the error returned when one is hit. It lives under internal so that
// the format packages and the dispatcher (package importer, which re-exports
// the types) can share it without an import cycle.
package limit

import (
	"fmt"
	"time"
)

// Limits bounds the resources an import may use. A zero field means the
// default for that field.
type Limits struct {
	MaxFileBytes     int64         // size of the file as stored
	MaxUnzippedBytes int64         // sum of the decompressed parts of a docx/xlsx
	MaxRatio         int64         // decompressed/compressed size of one zip entry
	MaxXMLDepth      int           // element nesting in XML and HTML
	MaxCells         int           // cells in one workbook (all sheets)
	MaxPages         int           // pages of a PDF
	Timeout          time.Duration // wall time of reading one PDF (pure Go, or pdftotext when it is used)
}

// Defaults.
const (
	DefaultMaxFileBytes     = 50 << 20
	DefaultMaxUnzippedBytes = 200 << 20
	DefaultMaxRatio         = 100
	DefaultMaxXMLDepth      = 256
	DefaultMaxCells         = 1_000_000
	DefaultMaxPages         = 2_000
	DefaultTimeout          = 2 * time.Minute
)

// RatioFloor is the decompressed size under which the ratio is not checked:
// small XML parts legitimately compress far better than 100:1.
const RatioFloor = 1 << 20

// Default returns the default limits.
func Default() Limits {
	return Limits{
		MaxFileBytes:     DefaultMaxFileBytes,
		MaxUnzippedBytes: DefaultMaxUnzippedBytes,
		MaxRatio:         DefaultMaxRatio,
		MaxXMLDepth:      DefaultMaxXMLDepth,
		MaxCells:         DefaultMaxCells,
		MaxPages:         DefaultMaxPages,
		Timeout:          DefaultTimeout,
	}
}

// Fill returns l with every zero field set to its default.
func (l Limits) Fill() Limits {
	d := Default()
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = d.MaxFileBytes
	}
	if l.MaxUnzippedBytes <= 0 {
		l.MaxUnzippedBytes = d.MaxUnzippedBytes
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = d.MaxRatio
	}
	if l.MaxXMLDepth <= 0 {
		l.MaxXMLDepth = d.MaxXMLDepth
	}
	if l.MaxCells <= 0 {
		l.MaxCells = d.MaxCells
	}
	if l.MaxPages <= 0 {
		l.MaxPages = d.MaxPages
	}
	if l.Timeout <= 0 {
		l.Timeout = d.Timeout
	}
	return l
}

// Names of the limits, as used in LimitError.Limit.
const (
	FileBytes     = "MaxFileBytes"
	UnzippedBytes = "MaxUnzippedBytes"
	Ratio         = "MaxRatio"
	XMLDepth      = "MaxXMLDepth"
	Cells         = "MaxCells"
	Pages         = "MaxPages"
	Time          = "Timeout"
)

// LimitError reports that a file exceeded a limit. Value is what was seen
// when the import stopped, which for streamed checks is only a lower bound.
type LimitError struct {
	Limit string // one of the names above
	Value int64
	Max   int64
}

// Flag is the command-line flag that raises the limit.
func (e *LimitError) Flag() string {
	switch e.Limit {
	case FileBytes:
		return "--max-file-size"
	case UnzippedBytes:
		return "--max-unzipped-size"
	case Ratio:
		return "--max-zip-ratio"
	case XMLDepth:
		return "--max-xml-depth"
	case Cells:
		return "--max-cells"
	case Pages:
		return "--max-pages"
	case Time:
		return "--timeout"
	}
	return ""
}

func (e *LimitError) Error() string {
	f := e.Flag()
	switch e.Limit {
	case FileBytes:
		return fmt.Sprintf("文件过大：%s，上限 %s (%s)", Bytes(e.Value), Bytes(e.Max), f)
	case UnzippedBytes:
		return fmt.Sprintf("解压后内容过大（可能是压缩炸弹）：至少 %s，上限 %s (%s)", Bytes(e.Value), Bytes(e.Max), f)
	case Ratio:
		return fmt.Sprintf("压缩比异常（可能是压缩炸弹）：%d 倍，上限 %d 倍 (%s)", e.Value, e.Max, f)
	case XMLDepth:
		return fmt.Sprintf("嵌套层数过深：超过 %d 层 (%s)", e.Max, f)
	case Cells:
		return fmt.Sprintf("单元格过多：至少 %d 个，上限 %d 个 (%s)", e.Value, e.Max, f)
	case Pages:
		return fmt.Sprintf("页数过多：超过 %d 页 (%s)", e.Max, f)
	case Time:
		return fmt.Sprintf("处理超时：超过 %d 秒 (%s)", e.Max, f)
	}
	return fmt.Sprintf("超出限制 %s：%d，上限 %d", e.Limit, e.Value, e.Max)
}

// Bytes formats a size for people: "120 MiB", "3.5 KiB", "12 B".
func Bytes(n int64) string {
	switch {
	case n >= 1<<20:
		return trim(float64(n)/(1<<20)) + " MiB"
	case n >= 1<<10:
		return trim(float64(n)/(1<<10)) + " KiB"
	}
	return fmt.Sprintf("%d B", n)
}

func trim(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		s = s[:len(s)-2]
	}
	return s
}
