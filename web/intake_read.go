package web

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"

	"jixiao"
	"jixiao/intake"
)

// createIntake reads an intake request (readIntake) and stores the
// intake; the uploaded files, spooled to disk as they arrived, are removed
// once stored, or once the request failed.
func (s *Server) createIntake(r *http.Request) (*jixiao.Intake, error) {
	up := &intakeUpload{root: s.cfg.UploadDir, limit: s.cfg.MaxIntake}
	defer up.remove()
	in, files, err := s.readIntake(r, up)
	if err != nil {
		return nil, err
	}
	if err := s.cfg.Intakes.CreateIntake(r.Context(), in, files); err != nil {
		return nil, err
	}
	return in, nil
}

// readIntake reads an intake request, a multipart form the API and the
// page share: any number of "file" parts (documents, or .zip files read as
// their files), or a "folder" under Config.IntakeRoot; and the fields
// name, year (assumed for files that state none) and org_id (the caller's
// organisation by default). Each file is streamed to a file under up, not
// held in memory, and read from there as the intake is stored.
func (s *Server) readIntake(r *http.Request, up *intakeUpload) (*jixiao.Intake, []jixiao.IntakeFile, error) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		return nil, nil, jixiao.Errorf(eUnsupported, "收件应为 multipart/form-data，文件放在 file 字段（可多个）")
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, nil, invalidField("file", "上传的表单无法读取：%v", err)
	}
	me := jixiao.UserFromContext(r.Context())
	in := &jixiao.Intake{OrgID: me.OrgID}
	batch := intake.NewBatch(intake.Limits{MaxTotal: s.cfg.MaxIntake})
	up.batch = batch
	left := s.cfg.MaxIntake
	fields := map[string]string{}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, nil, uploadError(err)
		}
		if part.FormName() == "file" {
			if part.FileName() == "" {
				continue // the form's empty file input
			}
			p, n, err := up.spool(part, left)
			if err != nil {
				return nil, nil, err
			}
			left -= n
			if err := batch.AddPath(part.FileName(), p); err != nil {
				return nil, nil, asField("file", err)
			}
			continue
		}
		v, err := io.ReadAll(io.LimitReader(part, maxFormField+1))
		if err != nil {
			return nil, nil, uploadError(err)
		}
		if len(v) > maxFormField {
			return nil, nil, invalidField(part.FormName(), "字段 %s 过长", part.FormName())
		}
		fields[part.FormName()] = strings.TrimSpace(string(v))
	}
	in.Name = fields["name"]
	if v := fields["year"]; v != "" {
		if in.Year, err = strconv.Atoi(v); err != nil {
			return nil, nil, invalidField("year", "年度应为四位数字的年份")
		}
	}
	if v := fields["org_id"]; v != "" {
		if in.OrgID, err = strconv.ParseInt(v, 10, 64); err != nil {
			return nil, nil, invalidField("org_id", "机构编号应为整数")
		}
	}
	files := batch.Files()
	if folder := fields["folder"]; folder != "" {
		if len(files) > 0 {
			return nil, nil, invalidField("folder", "上传文件与服务器文件夹只能二选一")
		}
		if files, err = s.readIntakeFolder(folder); err != nil {
			return nil, nil, err
		}
		if in.Name == "" {
			in.Name = folder
		}
	}
	if len(files) == 0 {
		return nil, nil, invalidField("file", "没有上传文件（file 字段），也没有指定服务器上的文件夹（folder 字段）")
	}
	if in.Name == "" {
		in.Name = files[0].Name
		if len(files) > 1 {
			in.Name += " 等 " + strconv.Itoa(len(files)) + " 个文件"
		}
	}
	return in, files, nil
}

// readIntakeFolder reads a folder named relative to Config.IntakeRoot,
// which it may not leave.
func (s *Server) readIntakeFolder(folder string) ([]jixiao.IntakeFile, error) {
	if s.cfg.IntakeRoot == "" {
		return nil, invalidField("folder", "本服务器未开放从文件夹收件（jixiao serve --intake-root）")
	}
	rel := filepath.Clean(filepath.FromSlash(folder))
	if !filepath.IsLocal(rel) {
		return nil, invalidField("folder", "文件夹 %q 不在收件目录之内", folder)
	}
	p := filepath.Join(s.cfg.IntakeRoot, rel)
	// a symbolic link may point out of the root: compare where both lead
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return nil, invalidField("folder", "收件目录中没有 %q", folder)
	}
	root, err := filepath.EvalSymlinks(s.cfg.IntakeRoot)
	if err != nil {
		return nil, fmt.Errorf("web: intake root: %w", err)
	}
	if inside, err := filepath.Rel(root, real); err != nil || !filepath.IsLocal(inside) && inside != "." {
		return nil, invalidField("folder", "文件夹 %q 不在收件目录之内", folder)
	}
	files, err := intake.ReadPath(p, intake.Limits{MaxTotal: s.cfg.MaxIntake})
	if err != nil {
		return nil, asField("folder", err)
	}
	return files, nil
}

// asField ties a domain error to the request field it is about.
func asField(field string, err error) error {
	var e *jixiao.Error
	if errors.As(err, &e) {
		return &fieldError{Field: field, Err: e}
	}
	return err
}
