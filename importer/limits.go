package importer

import "jixiao/importer/internal/limit"

// Limits bounds the resources one import may use, so that a hostile or
// broken upload fails with a clear message instead of exhausting memory or
// time. A zero field takes its default:
//
//	MaxFileBytes      50 MiB     --max-file-size
//	MaxUnzippedBytes  200 MiB    --max-unzipped-size (docx/xlsx parts; pdf text)
//	MaxRatio          100        --max-zip-ratio (per zip entry over 1 MiB)
//	MaxXMLDepth       256        --max-xml-depth (XML and HTML nesting)
//	MaxCells          1,000,000  --max-cells (whole workbook)
//	MaxPages          2,000      --max-pages
//	Timeout           2 min      --timeout (the pure-Go PDF reader, and pdftotext when used)
type Limits = limit.Limits

// LimitError reports which limit a file exceeded; its message, in Chinese,
// names the value, the limit and the flag that raises it.
type LimitError = limit.LimitError

// DefaultLimits returns the default limits.
func DefaultLimits() Limits { return limit.Default() }
