package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"go.yaml.in/yaml/v3"

	"jixiao"
	"jixiao/rules"
	"jixiao/yamlfile"
)

// evaluationCreateRequest starts an evaluation: whose, which year and
// kind, and either its content in the file form or nothing, for a blank
// table from init's template.
type evaluationCreateRequest struct {
	UnitID      int64           `json:"unit_id"` // default: the caller's unit
	TaskID      int64           `json:"task_id"`
	Year        int             `json:"year"`
	Kind        string          `json:"kind"`
	ProjectCode string          `json:"project_code"`
	Project     string          `json:"project"`
	RuleSet     string          `json:"rule_set"`
	Evaluation  json.RawMessage `json:"evaluation"`
}

// evaluationCreate answers POST /api/evaluations: a new draft, blank from
// the template of its kind and rule set, or with the content given.
func (s *Server) evaluationCreate(w http.ResponseWriter, r *http.Request) error {
	var req evaluationCreateRequest
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	var content *jixiao.Evaluation
	if len(req.Evaluation) > 0 && string(req.Evaluation) != "null" {
		var err error
		if content, err = decodeEvaluation(req.Evaluation); err != nil {
			return err
		}
	}
	rec, err := s.newRecord(r, req, content)
	if err != nil {
		return err
	}
	if err := s.cfg.Evaluations.CreateEvaluation(r.Context(), rec); err != nil {
		return err
	}
	return s.writeCreated(w, r, rec, nil)
}

// newRecord makes the record to create from the request and the content
// (nil for a blank table): the unit, task and rule set are looked up, and
// what the request leaves out is taken from the content.
func (s *Server) newRecord(r *http.Request, req evaluationCreateRequest, content *jixiao.Evaluation) (*jixiao.EvaluationRecord, error) {
	ctx := r.Context()
	me := jixiao.UserFromContext(ctx)
	rec := &jixiao.EvaluationRecord{UnitID: req.UnitID, TaskID: req.TaskID, Year: req.Year,
		ProjectCode: strings.TrimSpace(req.ProjectCode), RuleSet: req.RuleSet}
	if rec.UnitID == 0 {
		rec.UnitID = me.OrgID
	}
	unit, err := s.cfg.Organisations.FindOrganisationByID(ctx, rec.UnitID)
	if err != nil {
		return nil, onField("unit_id", err)
	}
	if req.Kind != "" {
		if rec.Kind, err = parseKind("kind", req.Kind); err != nil {
			return nil, err
		}
	} else if content != nil {
		rec.Kind = content.Kind
	}
	if !rec.Kind.Valid() {
		return nil, invalidField("kind", "须指定自评表类型：部门整体或项目")
	}
	if rec.TaskID != 0 {
		task, err := s.cfg.Tasks.FindTaskByID(ctx, rec.TaskID)
		if err != nil {
			return nil, onField("task_id", err)
		}
		if rec.Year == 0 {
			rec.Year = task.Year
		}
		if rec.RuleSet == "" {
			rec.RuleSet = task.RuleSet
		}
	}
	if content != nil {
		if rec.Year == 0 {
			rec.Year = content.Year
		}
		if rec.ProjectCode == "" && rec.Kind == jixiao.KindProject {
			rec.ProjectCode = content.ProjectCode
		}
		if rec.RuleSet == "" {
			rec.RuleSet = content.Rules
		}
	}
	if rec.RuleSet == "" {
		rec.RuleSet = rules.Default
	}
	rs, err := rules.Load(rec.RuleSet)
	if err != nil {
		return nil, invalidField("rule_set", "规则集 %q 不存在", rec.RuleSet)
	}
	if content == nil {
		if content, err = blank(rec.Kind, rs); err != nil {
			return nil, err
		}
		content.Project = req.Project
	}
	if content.Unit == "" {
		content.Unit = unit.Name
	}
	if content.Year == 0 {
		content.Year = rec.Year
	}
	if content.Kind == "" {
		content.Kind = rec.Kind
	}
	if rec.Kind == jixiao.KindProject && content.ProjectCode == "" {
		content.ProjectCode = rec.ProjectCode
	}
	rec.Content, rec.Provenance = content, content.Provenance
	if err := rec.Validate(); err != nil {
		return nil, err
	}
	return rec, nil
}

// blank returns init's template of kind under rs, as an evaluation. The
// template's indicator stubs, which have no 三级 names for the user to
// fill in by hand, are left out: a stored evaluation lists only real
// indicators, and the rule set's tree says which belong.
func blank(kind jixiao.Kind, rs *jixiao.RuleSet) (*jixiao.Evaluation, error) {
	b, err := yamlfile.Template(kind, rs)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil || len(doc.Content) == 0 {
		return nil, fmt.Errorf("web: init template: %v", err)
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "指标" {
			root.Content[i+1] = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		}
	}
	if b, err = yaml.Marshal(&doc); err != nil {
		return nil, fmt.Errorf("web: init template: %w", err)
	}
	return yamlfile.Decode(b, "template")
}

// writeCreated answers 201 with the new evaluation and where it lives.
func (s *Server) writeCreated(w http.ResponseWriter, r *http.Request, rec *jixiao.EvaluationRecord, notes []string) error {
	v, err := s.newEvaluationView(rec, jixiao.UserFromContext(r.Context()), false)
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/evaluations/"+itoa(rec.ID))
	w.Header().Set("ETag", etag(rec.Version))
	if notes != nil {
		v.Notes = &notes
	}
	writeJSON(w, http.StatusCreated, v)
	return nil
}
