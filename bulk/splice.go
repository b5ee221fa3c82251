package bulk

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
)

// splice copies the workbook package skeleton to w, entry by entry, and
// inserts each spilled sheet's rows before the end of its sheet's
// <sheetData>. Entries other than those sheets are copied still
// compressed; the sheets are compressed on the way, so that neither the
// rows nor the finished .xlsx are ever held in memory.
func splice(w io.Writer, skeleton []byte, rows map[string]*spill) error {
	zr, err := zip.NewReader(bytes.NewReader(skeleton), int64(len(skeleton)))
	if err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	zw := zip.NewWriter(w)
	done := map[string]bool{}
	for _, f := range zr.File {
		sp, ok := rows[f.Name]
		if !ok {
			if err := zw.Copy(f); err != nil {
				return fmt.Errorf("summary: %w", err)
			}
			continue
		}
		if err := spliceSheet(zw, f, sp); err != nil {
			return err
		}
		done[f.Name] = true
	}
	if len(done) != len(rows) {
		var missing []string
		for name := range rows {
			if !done[name] {
				missing = append(missing, name)
			}
		}
		sort.Strings(missing)
		return fmt.Errorf("summary: the workbook has no part %s", strings.Join(missing, ", "))
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	return nil
}

func spliceSheet(zw *zip.Writer, f *zip.File, sp *spill) error {
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("summary: %s: %w", f.Name, err)
	}
	sheet, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return fmt.Errorf("summary: %s: %w", f.Name, err)
	}
	end := bytes.LastIndex(sheet, []byte("</sheetData>"))
	if end < 0 {
		return fmt.Errorf("summary: %s has no </sheetData>", f.Name)
	}
	// the same header as excelize's zip.Writer.Create gives its parts
	out, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
	if err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	if _, err := out.Write(sheet[:end]); err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	if err := sp.copyTo(out); err != nil {
		return err
	}
	if _, err := out.Write(sheet[end:]); err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	return nil
}
