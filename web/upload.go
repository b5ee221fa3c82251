package web

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path/filepath"
	"strings"

	"jixiao"
	"jixiao/extract"
	"jixiao/importer"
	"jixiao/yamlfile"
)

// uploadTypes are the extensions an uploaded document may have; the
// importer then checks that the content is what the name says. A .yaml
// file is an evaluation file (docs/format.md), read by its own decoder.
var uploadTypes = []string{".docx", ".xlsx", ".pdf", ".html", ".htm", ".txt", ".yaml", ".yml"}

// maxFormField bounds each non-file field of an upload form.
const maxFormField = 4 << 10

// upload is a document sent with a multipart form, read and extracted.
type upload struct {
	Name   string             // the file name the client gave, base name only
	Data   []byte             // the file as sent, kept as the source
	Format string             // what the importer found it to be
	Eval   *jixiao.Evaluation // what the extractor read from it
	Notes  []string           // what could not be read, for the user
	Fields map[string]string  // the form's other fields
}

// readUpload reads a multipart form with one "file" part and small text
// fields, and runs the file through the importers. The whole body is
// bounded by the route's limit; the file alone by Config.MaxUpload.
func (s *Server) readUpload(r *http.Request) (*upload, error) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		return nil, jixiao.Errorf(eUnsupported, "上传应为 multipart/form-data，文件放在 file 字段")
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, invalidField("file", "上传的表单无法读取：%v", err)
	}
	up := &upload{Fields: map[string]string{}}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, uploadError(err)
		}
		name := part.FormName()
		if name == "file" {
			if up.Data != nil {
				return nil, invalidField("file", "一次只能上传一个文件")
			}
			up.Name = filepath.Base(strings.ReplaceAll(part.FileName(), `\`, "/"))
			up.Data, err = readAtMost(part, s.cfg.MaxUpload)
			if err != nil {
				return nil, err
			}
			continue
		}
		v, err := io.ReadAll(io.LimitReader(part, maxFormField+1))
		if err != nil {
			return nil, uploadError(err)
		}
		if len(v) > maxFormField {
			return nil, invalidField(name, "字段 %s 过长", name)
		}
		up.Fields[name] = string(v)
	}
	if up.Data == nil {
		return nil, invalidField("file", "没有上传文件（file 字段）")
	}
	return up, s.importUpload(up)
}

// readAtMost reads r whole unless it holds more than max bytes.
func readAtMost(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, uploadError(err)
	}
	if int64(len(b)) > max {
		return nil, &fieldError{Field: "file", Err: jixiao.Errorf(eTooLarge, "文件超过 %d MiB 的上限", max>>20)}
	}
	return b, nil
}

func uploadError(err error) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return &fieldError{Field: "file", Err: jixiao.Errorf(eTooLarge, "上传超过 %d MiB 的上限", tooBig.Limit>>20)}
	}
	return invalidField("file", "上传中断或格式有误：%v", err)
}

// importUpload checks the upload's type and reads it through the
// hardened importers, then extracts the evaluation.
func (s *Server) importUpload(up *upload) error {
	ext := strings.ToLower(filepath.Ext(up.Name))
	ok := false
	for _, t := range uploadTypes {
		ok = ok || ext == t
	}
	if !ok {
		return &fieldError{Field: "file", Err: jixiao.Errorf(eUnsupported,
			"不支持的文件类型 %q：请上传 .docx、.xlsx、.pdf、.html、.txt 或自评表文件 .yaml", ext)}
	}
	if ext == ".yaml" || ext == ".yml" {
		ev, err := yamlfile.Decode(up.Data, up.Name)
		if err != nil {
			return invalidField("file", "%s", strings.TrimPrefix(err.Error(), up.Name+": "))
		}
		up.Format, up.Eval = "yaml", ev
		return nil
	}
	lim := importer.DefaultLimits()
	lim.MaxFileBytes = s.cfg.MaxUpload
	doc, err := importer.ReadBytes(up.Data, up.Name, lim)
	if err != nil {
		// The importers' messages are written for users and name only the
		// file the user sent.
		return invalidField("file", "%s", strings.TrimPrefix(err.Error(), up.Name+": "))
	}
	ev, notes := extract.Extract(doc)
	if ev.Kind == "" && len(ev.Indicators) == 0 && !ev.Budget.FullYear.Stated() && !ev.StatedTotal.Stated() {
		return invalidField("file", "文件中没有找到自评表（年度资金总额、绩效指标、总分等栏目）")
	}
	up.Format, up.Eval = doc.Format, ev
	up.Notes = append(up.Notes, doc.Warnings...)
	for _, n := range notes {
		msg := n.Message
		if n.Field != "" {
			msg = n.Field + "：" + msg
		}
		if n.Pos.Line > 0 {
			msg += fmt.Sprintf("（第 %d 行）", n.Pos.Line)
		}
		up.Notes = append(up.Notes, msg)
	}
	return nil
}
