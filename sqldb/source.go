package sqldb

import (
	"context"
	"fmt"

	"jixiao"
	"jixiao/extract"
	"jixiao/importer"
	"jixiao/pipeline"
	"jixiao/yamlfile"
)

// SourceService implements jixiao.SourceService.
type SourceService struct{ db *DB }

var _ jixiao.SourceService = (*SourceService)(nil)

// NewSourceService returns the uploaded documents of db.
func NewSourceService(db *DB) *SourceService { return &SourceService{db} }

// MaxSourceBytes bounds an uploaded document, like the importers' limit.
const MaxSourceBytes = 32 << 20

// CreateSource stores f.Content under its SHA-256. The same bytes stored
// again keep the first upload's name and uploader.
func (s *SourceService) CreateSource(ctx context.Context, f *jixiao.SourceFile) error {
	if len(f.Content) == 0 {
		return jixiao.Errorf(jixiao.EInvalid, "文件为空")
	}
	if len(f.Content) > MaxSourceBytes {
		return jixiao.Errorf(jixiao.EInvalid, "文件超过 %d MB", MaxSourceBytes>>20)
	}
	f.Hash, f.Size = jixiao.ContentHash(f.Content), int64(len(f.Content))
	return s.db.write(ctx, func(tx *Tx) error {
		u, err := tx.actor()
		if err != nil {
			return err
		}
		if !jixiao.CanUpload(u) {
			return refuse(jixiao.EForbidden, "上传文件", "source", "只有单位填报人员可以上传文件")
		}
		f.UploadedBy, f.CreatedAt = u.ID, tx.now
		res, err := tx.exec(`INSERT INTO sources (hash, name, format, size, content, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING`,
			f.Hash, f.Name, f.Format, f.Size, f.Content, u.ID, tx.time(tx.now))
		if err != nil {
			return fmt.Errorf("sqldb: store source: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil // already stored
		}
		return tx.log(&jixiao.LogEntry{Action: jixiao.LogSourceCreate, Object: "source/" + f.Hash, Detail: fmt.Sprintf("%s（%s，%d 字节）", f.Name, f.Format, f.Size)})
	})
}

// FindSourceByHash returns a stored document: to its uploader, and to
// whoever may view an evaluation made from it.
func (s *SourceService) FindSourceByHash(ctx context.Context, hash string) (*jixiao.SourceFile, error) {
	var f *jixiao.SourceFile
	err := s.db.read(ctx, func(tx *Tx) error {
		u, err := tx.actor()
		if err != nil {
			return err
		}
		f = &jixiao.SourceFile{}
		if err := tx.queryRow(`SELECT hash, name, format, size, content, uploaded_by, created_at FROM sources WHERE hash = ?`, hash).
			Scan(&f.Hash, &f.Name, &f.Format, &f.Size, &f.Content, &f.UploadedBy, scanTime{&f.CreatedAt}); err != nil {
			return notFound(err, "源文件 %s 不存在", hash)
		}
		if f.UploadedBy == u.ID {
			return nil
		}
		ids, err := tx.queryIDs(`SELECT id FROM evaluations WHERE source_hash = ?`, hash)
		if err != nil {
			return err
		}
		for _, id := range ids {
			r, err := tx.evalByID(id, false)
			if err != nil {
				return err
			}
			if jixiao.CanViewComments(u, r) {
				return nil
			}
		}
		return refuse(jixiao.ENotFound, "下载源文件", "source/"+hash, "源文件 %s 不存在", hash)
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

// ReadSource reads the evaluation out of an uploaded document, with the
// provenance of each figure, and sets f.Format. notes say what could not
// be read. A YAML evaluation file is decoded as such; anything else goes
// through the importers and the extractor, as `jixiao import` does. The
// caller stores f (CreateSource) and creates the evaluation with
// SourceHash set, so the source stays beside it.
func ReadSource(f *jixiao.SourceFile) (ev *jixiao.Evaluation, notes []string, err error) {
	if pipeline.IsEvaluationFile(f.Name) {
		f.Format = "yaml"
		ev, err := yamlfile.Decode(f.Content, f.Name)
		if err != nil {
			return nil, nil, jixiao.Errorf(jixiao.EInvalid, "%v", err)
		}
		return ev, nil, nil
	}
	doc, err := importer.ReadBytes(f.Content, f.Name, importer.DefaultLimits())
	if err != nil {
		return nil, nil, jixiao.Errorf(jixiao.EInvalid, "%v", err)
	}
	f.Format = doc.Format
	ev, ns := extract.Extract(doc)
	notes = append(notes, doc.Warnings...)
	for _, n := range ns {
		notes = append(notes, n.Message)
	}
	if ev.Kind == "" && len(ev.Indicators) == 0 && !ev.Budget.FullYear.Stated() && !ev.StatedTotal.Stated() {
		return nil, notes, jixiao.Errorf(jixiao.EInvalid, "%s：没有找到自评表（年度资金总额、绩效指标、总分等栏目）", f.Name)
	}
	return ev, notes, nil
}
