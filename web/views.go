package web

import (
	"encoding/json"
	"time"

	"jixiao"
	"jixiao/internal/posjson"
)

// The JSON shapes of the API's answers. They are kept apart from the
// domain types so that the wire form is stable and says only what a
// client may know (no password or token hashes, no internal IDs of other
// tables). Decimals are strings, exactly as computed; times are RFC 3339;
// a zero time is left out.

// list is a page of items and how many match in all.
type list[T any] struct {
	Items []T `json:"items"`
	Total int `json:"total"`
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

type labelled struct {
	Code  string `json:"code"`
	Label string `json:"label"`
}

type orgView struct {
	ID        int64      `json:"id"`
	Code      string     `json:"code"`
	Name      string     `json:"name"`
	Kind      labelled   `json:"kind"`
	ParentID  int64      `json:"parent_id,omitempty"`
	Path      []int64    `json:"path"`
	CreatedAt *time.Time `json:"created_at,omitempty"`
}

func newOrgView(o *jixiao.Organisation) orgView {
	return orgView{ID: o.ID, Code: o.Code, Name: o.Name, Kind: labelled{string(o.Kind), o.Kind.Label()},
		ParentID: o.ParentID, Path: o.Path, CreatedAt: timePtr(o.CreatedAt)}
}

type userView struct {
	ID       int64      `json:"id"`
	Login    string     `json:"login"`
	Name     string     `json:"name"`
	OrgID    int64      `json:"org_id"`
	OrgName  string     `json:"org_name,omitempty"`
	OrgKind  string     `json:"org_kind,omitempty"`
	Roles    []labelled `json:"roles"`
	Disabled bool       `json:"disabled"`
}

func newUserView(u *jixiao.User) userView {
	v := userView{ID: u.ID, Login: u.Login, Name: u.Name, OrgID: u.OrgID, OrgName: u.OrgName,
		OrgKind: string(u.OrgKind), Disabled: u.Disabled, Roles: []labelled{}}
	for _, r := range u.Roles {
		v.Roles = append(v.Roles, labelled{string(r), r.Label()})
	}
	return v
}

type tokenView struct {
	ID         int64      `json:"id"`
	Name       string     `json:"name"`
	Prefix     string     `json:"prefix"`
	Token      string     `json:"token,omitempty"` // only when just created
	CreatedAt  *time.Time `json:"created_at,omitempty"`
	ExpiresAt  *time.Time `json:"expires_at,omitempty"`
	LastUsedAt *time.Time `json:"last_used_at,omitempty"`
	Revoked    bool       `json:"revoked"`
}

func newTokenView(t *jixiao.APIToken) tokenView {
	return tokenView{ID: t.ID, Name: t.Name, Prefix: t.Prefix, Token: t.Token, CreatedAt: timePtr(t.CreatedAt),
		ExpiresAt: timePtr(t.ExpiresAt), LastUsedAt: timePtr(t.LastUsedAt), Revoked: t.Revoked}
}

type taskView struct {
	ID        int64         `json:"id"`
	OrgID     int64         `json:"org_id"`
	Name      string        `json:"name"`
	Year      int           `json:"year"`
	Kinds     []jixiao.Kind `json:"kinds"`
	UnitIDs   []int64       `json:"unit_ids"`
	Deadline  time.Time     `json:"deadline"`
	RuleSet   string        `json:"rule_set"`
	CreatedAt *time.Time    `json:"created_at,omitempty"`
}

func newTaskView(t *jixiao.Task) taskView {
	return taskView{ID: t.ID, OrgID: t.OrgID, Name: t.Name, Year: t.Year, Kinds: t.Kinds, UnitIDs: t.UnitIDs,
		Deadline: t.Deadline, RuleSet: t.RuleSet, CreatedAt: timePtr(t.CreatedAt)}
}

type obligationView struct {
	TaskID      int64                `json:"task_id"`
	UnitID      int64                `json:"unit_id"`
	UnitName    string               `json:"unit_name"`
	Kind        jixiao.Kind          `json:"kind"`
	Deadline    time.Time            `json:"deadline"`
	Missing     bool                 `json:"missing"`
	Delivered   bool                 `json:"delivered"`
	Overdue     bool                 `json:"overdue"`
	Evaluations []obligationItemView `json:"evaluations"`
}

type obligationItemView struct {
	EvaluationID int64      `json:"evaluation_id"`
	ProjectCode  string     `json:"project_code,omitempty"`
	Status       labelled   `json:"status"`
	SubmittedAt  *time.Time `json:"submitted_at,omitempty"`
}

func newObligationView(o *jixiao.Obligation, now time.Time) obligationView {
	v := obligationView{TaskID: o.TaskID, UnitID: o.UnitID, UnitName: o.UnitName, Kind: o.Kind, Deadline: o.Deadline,
		Missing: o.Missing(), Delivered: o.Delivered(), Overdue: o.Overdue(now), Evaluations: []obligationItemView{}}
	for _, e := range o.Evaluations {
		v.Evaluations = append(v.Evaluations, obligationItemView{EvaluationID: e.EvaluationID, ProjectCode: e.ProjectCode,
			Status: statusLabel(e.Status), SubmittedAt: timePtr(e.SubmittedAt)})
	}
	return v
}

func statusLabel(s jixiao.Status) labelled { return labelled{string(s), s.Label()} }

type scoreView struct {
	Rules          string         `json:"rules"`
	Total          string         `json:"total"`
	Grade          string         `json:"grade"`
	Complete       bool           `json:"complete"`
	StatedTotal    string         `json:"stated_total,omitempty"`
	ExecutionRate  *string        `json:"execution_rate"` // a fraction; null when unknown
	ExecutionScore string         `json:"execution_score"`
	Rows           []rowScoreView `json:"rows"`
}

type rowScoreView struct {
	Index    int    `json:"index"`
	Path     string `json:"path"` // "indicators[3]", as comments and review scores name it
	Name     string `json:"name"`
	Weight   string `json:"weight"`
	Score    string `json:"score"`
	Stated   string `json:"stated,omitempty"`
	Method   string `json:"method,omitempty"`
	Computed bool   `json:"computed"`
}

func newScoreView(s jixiao.ScoreRecord) scoreView {
	v := scoreView{Rules: s.Rules, Total: s.Total.StringFixed(2), Grade: s.Grade, Complete: s.Complete,
		StatedTotal: s.StatedTotal, ExecutionScore: s.ExecutionScore.StringFixed(2), Rows: []rowScoreView{}}
	if s.RateKnown {
		r := s.ExecutionRate.String()
		v.ExecutionRate = &r
	}
	for _, r := range s.Rows {
		v.Rows = append(v.Rows, rowScoreView{Index: r.Index, Path: indicatorPath(r.Index), Name: r.Name,
			Weight: r.Weight.String(), Score: r.Score.StringFixed(2), Stated: r.Stated, Method: r.Method, Computed: r.Computed})
	}
	return v
}

func indicatorPath(i int) string { return "indicators[" + itoa(int64(i)) + "]" }

type findingView struct {
	Code     string       `json:"code"`
	Severity labelled     `json:"severity"`
	Message  string       `json:"message"`
	Stated   string       `json:"stated,omitempty"`
	Expected string       `json:"expected,omitempty"`
	Evidence string       `json:"evidence,omitempty"`
	Location locationView `json:"location"`
}

type locationView struct {
	Block  string           `json:"block,omitempty"`
	Row    int              `json:"row,omitempty"`
	Item   string           `json:"item,omitempty"`
	Column string           `json:"column,omitempty"`
	Source *jixiao.Position `json:"source,omitempty"`
	Where  string           `json:"where,omitempty"` // the source position in words
}

func newFindingViews(fs []jixiao.Finding) []findingView {
	out := make([]findingView, 0, len(fs))
	for _, f := range fs {
		l := locationView{Block: f.Location.Block, Row: f.Location.Row, Item: f.Location.Item, Column: f.Location.Column}
		if !f.Location.Source.IsZero() {
			p := f.Location.Source
			l.Source, l.Where = &p, p.Describe()
		}
		out = append(out, findingView{Code: f.Code, Severity: labelled{string(f.Severity), f.Severity.Label()},
			Message: f.Message, Stated: f.Stated, Expected: f.Expected, Evidence: f.Evidence, Location: l})
	}
	return out
}

// evaluationView is an evaluation as the API answers it: a head of what
// its row says and the caller may do, read and encoded on every request,
// and a body of what its version fixes (score, content, findings,
// provenance), encoded once per version and kept (Server.bodies).
type evaluationView struct {
	evaluationHead
	body   *evaluationBody
	public bool // the body without provenance
}

type evaluationHead struct {
	ID          int64       `json:"id"`
	TaskID      int64       `json:"task_id,omitempty"`
	UnitID      int64       `json:"unit_id"`
	UnitName    string      `json:"unit_name"`
	Year        int         `json:"year"`
	Kind        jixiao.Kind `json:"kind"`
	ProjectCode string      `json:"project_code,omitempty"`
	Title       string      `json:"title"`
	RuleSet     string      `json:"rule_set"`
	Status      labelled    `json:"status"`
	Version     int         `json:"version"`
	Revision    int         `json:"revision"` // the latest revision's number
	Errors      int         `json:"errors"`
	Warnings    int         `json:"warnings"`
	UpdatedName string      `json:"updated_by,omitempty"`
	CreatedAt   *time.Time  `json:"created_at,omitempty"`
	UpdatedAt   *time.Time  `json:"updated_at,omitempty"`
	SubmittedAt *time.Time  `json:"submitted_at,omitempty"`
	PublishedAt *time.Time  `json:"published_at,omitempty"`
	SourceHash  string      `json:"source,omitempty"`
	// Actions are the workflow steps the caller may take now.
	Actions []labelled `json:"actions"`
	// Notes are what an import could not read, on the answer to it.
	Notes *[]string `json:"notes,omitempty"`
}

// evaluationBody is the JSON of the parts of an evaluation its version
// fixes; a part that is absent is nil.
type evaluationBody struct {
	score, content, findings, provenance []byte
}

func newEvaluationBody(r *jixiao.EvaluationRecord) (*evaluationBody, error) {
	b := &evaluationBody{}
	var err error
	if b.score, err = marshalJSON(newScoreView(r.Score)); err != nil {
		return nil, err
	}
	if r.Content != nil {
		if b.content, err = evaluationJSON(r.Content); err != nil {
			return nil, err
		}
	}
	if len(r.Findings) > 0 {
		if b.findings, err = marshalJSON(newFindingViews(r.Findings)); err != nil {
			return nil, err
		}
	}
	if len(r.Provenance) > 0 {
		// what marshalJSON writes, without reflection (posjson): a
		// position for every figure read
		b.provenance = posjson.Append(nil, r.Provenance, false)
	}
	return b, nil
}

// appendJSON appends the view's JSON to dst: the head, then the body's
// parts as they were encoded.
func (v evaluationView) appendJSON(dst []byte) ([]byte, error) {
	head, err := marshalJSON(v.evaluationHead)
	if err != nil {
		return nil, err
	}
	if dst == nil { // one allocation for the whole answer, its final newline too
		b := v.body
		dst = make([]byte, 0, len(head)+len(b.score)+len(b.content)+len(b.findings)+len(b.provenance)+64)
	}
	dst = append(dst, head[:len(head)-1]...) // without its closing brace
	dst = append(append(dst, `,"score":`...), v.body.score...)
	if v.body.content != nil {
		dst = append(append(dst, `,"evaluation":`...), v.body.content...)
	}
	if v.body.findings != nil {
		dst = append(append(dst, `,"findings":`...), v.body.findings...)
	}
	if v.body.provenance != nil && !v.public {
		dst = append(append(dst, `,"provenance":`...), v.body.provenance...)
	}
	return append(dst, '}'), nil
}

// MarshalJSON encodes the view inside other values (lists); writeJSON
// writes a view by itself with appendJSON directly.
func (v evaluationView) MarshalJSON() ([]byte, error) { return v.appendJSON(nil) }

// newEvaluationView returns the view of r for u (nil when not signed in).
// The public view leaves out what is internal to the review: who saved,
// the task, the source file and the provenance. The body of a record with
// its content comes from the cache of versions; a listed record (no
// content, its score without rows) is encoded each time.
func (s *Server) newEvaluationView(r *jixiao.EvaluationRecord, u *jixiao.User, public bool) (evaluationView, error) {
	var body *evaluationBody
	var err error
	if r.Content == nil {
		body, err = newEvaluationBody(r)
	} else {
		body, err = s.bodies.get(r, func() (*evaluationBody, error) { return newEvaluationBody(r) })
	}
	return evaluationViewOf(r, body, u, public), err
}

// evaluationViewOf is the view of the row r with the body of its version.
func evaluationViewOf(r *jixiao.EvaluationRecord, body *evaluationBody, u *jixiao.User, public bool) evaluationView {
	v := evaluationView{body: body, public: public, evaluationHead: evaluationHead{ID: r.ID, TaskID: r.TaskID, UnitID: r.UnitID, UnitName: r.UnitName,
		Year: r.Year, Kind: r.Kind, ProjectCode: r.ProjectCode, Title: r.Title, RuleSet: r.RuleSet, Status: statusLabel(r.Status),
		Version: r.Version, Revision: r.Revision, Errors: r.Errors, Warnings: r.Warnings, UpdatedName: r.UpdatedName,
		CreatedAt: timePtr(r.CreatedAt), UpdatedAt: timePtr(r.UpdatedAt), SubmittedAt: timePtr(r.SubmittedAt),
		PublishedAt: timePtr(r.PublishedAt), SourceHash: r.SourceHash, Actions: []labelled{}}}
	if !public {
		for _, a := range jixiao.NextActions(u, r) {
			v.Actions = append(v.Actions, labelled{string(a), a.Label()})
		}
	} else {
		v.UpdatedName, v.SourceHash, v.TaskID = "", "", 0
	}
	return v
}

type changeView struct {
	Path string `json:"path"`
	Old  string `json:"old"`
	New  string `json:"new"`
}

func newChangeViews(cs []jixiao.Change) []changeView {
	out := make([]changeView, 0, len(cs))
	for _, c := range cs {
		out = append(out, changeView{c.Path, c.Old, c.New})
	}
	return out
}

type revisionView struct {
	Number    int             `json:"number"`
	Version   int             `json:"version"` // the evaluation's version after the save
	UserID    int64           `json:"user_id"`
	UserName  string          `json:"user_name"`
	Note      string          `json:"note,omitempty"`
	Changes   []changeView    `json:"changes"`
	CreatedAt time.Time       `json:"created_at"`
	Score     *scoreView      `json:"score,omitempty"`
	Findings  []findingView   `json:"findings,omitempty"`
	Content   json.RawMessage `json:"evaluation,omitempty"`
}

func newRevisionView(r *jixiao.Revision, full bool) (revisionView, error) {
	v := revisionView{Number: r.Number, Version: r.Version, UserID: r.UserID, UserName: r.UserName, Note: r.Note,
		Changes: newChangeViews(r.Changes), CreatedAt: r.CreatedAt}
	if !full {
		return v, nil
	}
	sv := newScoreView(r.Score)
	v.Score, v.Findings = &sv, newFindingViews(r.Findings)
	if r.Content != nil {
		raw, err := evaluationJSON(r.Content)
		if err != nil {
			return v, err
		}
		v.Content = raw
	}
	return v, nil
}

type commentView struct {
	ID           int64     `json:"id"`
	TransitionID int64     `json:"transition_id,omitempty"`
	Revision     int       `json:"revision"`
	Path         string    `json:"path"`
	Body         string    `json:"body"`
	UserID       int64     `json:"user_id"`
	UserName     string    `json:"user_name"`
	Resolved     bool      `json:"resolved"`
	CreatedAt    time.Time `json:"created_at"`
}

func newCommentView(c *jixiao.Comment) commentView {
	return commentView{ID: c.ID, TransitionID: c.TransitionID, Revision: c.Revision, Path: c.Path, Body: c.Body,
		UserID: c.UserID, UserName: c.UserName, Resolved: c.Resolved, CreatedAt: c.CreatedAt}
}

type transitionView struct {
	ID        int64         `json:"id"`
	From      labelled      `json:"from"`
	To        labelled      `json:"to"`
	Action    labelled      `json:"action"`
	UserID    int64         `json:"user_id"`
	UserName  string        `json:"user_name"`
	Reason    string        `json:"reason,omitempty"`
	Version   int           `json:"version"`
	Comments  []commentView `json:"comments"`
	CreatedAt time.Time     `json:"created_at"`
}

func newTransitionView(t *jixiao.Transition) transitionView {
	v := transitionView{ID: t.ID, From: statusLabel(t.From), To: statusLabel(t.To), Action: labelled{string(t.Action), t.Action.Label()},
		UserID: t.UserID, UserName: t.UserName, Reason: t.Reason, Version: t.Version, CreatedAt: t.CreatedAt, Comments: []commentView{}}
	for _, c := range t.Comments {
		v.Comments = append(v.Comments, newCommentView(c))
	}
	return v
}

type reviewScoreView struct {
	ID        int64     `json:"id"`
	Stage     labelled  `json:"stage"`
	Path      string    `json:"path"`
	Item      string    `json:"item"`
	UnitScore string    `json:"unit_score"`
	Score     string    `json:"score"`
	Gap       string    `json:"gap"`
	Reason    string    `json:"reason,omitempty"`
	UserID    int64     `json:"user_id,omitempty"` // left out on the public route
	UserName  string    `json:"user_name,omitempty"`
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
}

func newReviewScoreView(s *jixiao.ReviewScore) reviewScoreView {
	return reviewScoreView{ID: s.ID, Stage: labelled{string(s.Stage), s.Stage.Label()}, Path: s.Path, Item: s.Item,
		UnitScore: s.UnitScore.String(), Score: s.Score.String(), Gap: s.Gap().String(), Reason: s.Reason,
		UserID: s.UserID, UserName: s.UserName, Version: s.Version, CreatedAt: s.CreatedAt}
}

type logEntryView struct {
	Seq      int64     `json:"seq"`
	Time     time.Time `json:"time"`
	UserID   int64     `json:"user_id"`
	UserName string    `json:"user_name"`
	Action   string    `json:"action"`
	Object   string    `json:"object"`
	Detail   string    `json:"detail,omitempty"`
	Address  string    `json:"address,omitempty"`
	Hash     string    `json:"hash"`
}

func newLogEntryView(e *jixiao.LogEntry) logEntryView {
	return logEntryView{Seq: e.Seq, Time: e.Time, UserID: e.UserID, UserName: e.UserName, Action: string(e.Action),
		Object: e.Object, Detail: e.Detail, Address: e.Address, Hash: e.Hash}
}
