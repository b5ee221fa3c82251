package publish

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"jixiao/gen"
)

func items(t *testing.T, n int) []Item {
	t.Helper()
	var out []Item
	for i := range n {
		c, err := gen.Generate(5, i, gen.Options{ErrorRate: 0.5})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, Item{Name: c.Name + ".yaml", Eval: c.Eval, Rules: c.Rules})
	}
	return out
}

// publishTo writes a publication, PDFs included when a Chinese font is
// found (required under CI=true).
func publishTo(t *testing.T, its []Item) (string, *Manifest, bool) {
	t.Helper()
	dir := t.TempDir()
	m, err := Write(dir, its, Options{Title: "测试公开"})
	if err != nil && strings.Contains(err.Error(), "字体") && os.Getenv("CI") != "true" {
		t.Logf("no Chinese font, publishing without PDF: %v", err)
		m, err = Write(dir, its, Options{Title: "测试公开", NoPDF: true})
		if err != nil {
			t.Fatal(err)
		}
		return dir, m, false
	}
	if err != nil {
		t.Fatal(err)
	}
	return dir, m, true
}

func TestOpenDataValidatesAgainstSchema(t *testing.T) {
	its := items(t, 6)
	dir, _, _ := publishTo(t, its)
	c := jsonschema.NewCompiler()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("schema.json")
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	ids := IDs(its)
	for _, id := range ids {
		f, err := os.Open(filepath.Join(dir, "opendata", id+".json"))
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s: %v", id, err)
		}
	}
	// the schema must reject what it promises to reject
	bad := map[string]string{
		"FloatNumber": `"total": 95.5`,
		"UnknownKind": `"kind": "其他"`,
	}
	good, _ := os.ReadFile(filepath.Join(dir, "opendata", ids[0]+".json"))
	for name, repl := range bad {
		t.Run(name, func(t *testing.T) {
			s := string(good)
			switch name {
			case "FloatNumber":
				s = regexp.MustCompile(`"total": "[0-9.]+"`).ReplaceAllString(s, repl)
			case "UnknownKind":
				s = regexp.MustCompile(`"kind": "[^"]+"`).ReplaceAllString(s, repl)
			}
			inst, err := jsonschema.UnmarshalJSON(strings.NewReader(s))
			if err != nil {
				t.Fatal(err)
			}
			if sch.Validate(inst) == nil {
				t.Errorf("the schema accepted %s", repl)
			}
		})
	}
}

func TestSchemaInDocsIsTheEmbeddedOne(t *testing.T) {
	docs, err := os.ReadFile("../docs/opendata.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(docs, Schema()) {
		t.Error("docs/opendata.schema.json differs from publish/opendata.schema.json: copy it over")
	}
}

func TestManifestListsEveryFile(t *testing.T) {
	its := items(t, 3)
	dir, m, withPDF := publishTo(t, its)
	listed := map[string]ManifestFile{}
	for _, f := range m.Files {
		listed[f.Path] = f
	}
	var onDisk []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		onDisk = append(onDisk, filepath.ToSlash(rel))
		return nil
	})
	for _, p := range onDisk {
		if p == "manifest.json" || p == "SHA256SUMS" {
			continue
		}
		f, ok := listed[p]
		if !ok {
			t.Errorf("%s is not in the manifest", p)
			continue
		}
		data, _ := os.ReadFile(filepath.Join(dir, p))
		sum := sha256.Sum256(data)
		if int64(len(data)) != f.Size || hex.EncodeToString(sum[:]) != f.SHA256 {
			t.Errorf("%s: manifest says %d bytes %s, file has %d bytes %x", p, f.Size, f.SHA256, len(data), sum)
		}
		delete(listed, p)
	}
	for p := range listed {
		t.Errorf("%s is in the manifest but not written", p)
	}
	var disk Manifest
	data, _ := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err := json.Unmarshal(data, &disk); err != nil || len(disk.Files) != len(m.Files) {
		t.Errorf("manifest.json does not read back: %v", err)
	}
	sums, _ := os.ReadFile(filepath.Join(dir, "SHA256SUMS"))
	if got := strings.Count(string(sums), "\n"); got != len(m.Files) {
		t.Errorf("SHA256SUMS has %d lines, want %d", got, len(m.Files))
	}
	want := 3*2 + 4 // html and json each, schema, two csv, index
	if withPDF {
		want += 3
	}
	if len(m.Files) != want {
		t.Errorf("manifest lists %d files, want %d", len(m.Files), want)
	}
}

var linkAttr = regexp.MustCompile(`(?i)\b(?:href|src)\s*=\s*"([^"]*)"`)

// TestBundleIsSelfContained: every link of every page is relative and
// points at a file of the bundle; no page loads anything from elsewhere.
func TestBundleIsSelfContained(t *testing.T) {
	dir, _, _ := publishTo(t, items(t, 3))
	pages, _ := filepath.Glob(filepath.Join(dir, "evaluations", "*.html"))
	pages = append(pages, filepath.Join(dir, "index.html"))
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		for _, bad := range []string{"http://", "https://", "<script", "@import", "url("} {
			if strings.Contains(s, bad) && !(bad == "http://" && onlyNamespace(s)) {
				t.Errorf("%s contains %q", filepath.Base(p), bad)
			}
		}
		for _, m := range linkAttr.FindAllStringSubmatch(s, -1) {
			link := m[1]
			if strings.HasPrefix(link, "#") {
				continue
			}
			if strings.Contains(link, ":") || strings.HasPrefix(link, "/") {
				t.Errorf("%s links to %q, not a relative path", filepath.Base(p), link)
				continue
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(p), filepath.FromSlash(link))); err != nil {
				t.Errorf("%s links to %q, which is not in the bundle", filepath.Base(p), link)
			}
		}
	}
	idx, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	if n := len(linkAttr.FindAllString(string(idx), -1)); n < 3*2+5 {
		t.Errorf("index.html has %d links, want one per file", n)
	}
}

// onlyNamespace reports whether every http:// in s is an SVG or XML
// namespace, which names and never loads.
func onlyNamespace(s string) bool {
	rest := regexp.MustCompile(`xmlns(:\w+)?="http://[^"]*"`).ReplaceAllString(s, "")
	return !strings.Contains(rest, "http://")
}

func TestIDs(t *testing.T) {
	got := IDs([]Item{{Name: "a/2024 年.yaml"}, {Name: "b/2024 年.docx"}, {Name: "报告.pdf"}, {Name: "x.y.txt"}})
	want := []string{"2024", "2024-2", "eval-0003", "x.y"}
	if !slices.Equal(got, want) {
		t.Errorf("IDs = %q, want %q", got, want)
	}
}

// TestDeterministic: the same input gives the same files, byte for byte,
// so that a republished bundle changes only where an evaluation did.
func TestDeterministic(t *testing.T) {
	its := items(t, 2)
	_, a, _ := publishTo(t, its)
	_, b, _ := publishTo(t, its)
	if len(a.Files) != len(b.Files) {
		t.Fatalf("%d files, then %d", len(a.Files), len(b.Files))
	}
	for i := range a.Files {
		if a.Files[i] != b.Files[i] {
			t.Errorf("%s differs between two runs", a.Files[i].Path)
		}
	}
}

func TestCSVFiles(t *testing.T) {
	its := items(t, 3)
	dir, _, _ := publishTo(t, its)
	n := 0
	for _, it := range its {
		n += len(it.Eval.Indicators)
	}
	for name, want := range map[string]int{"evaluations.csv": len(its) + 1, "indicators.csv": n + 1} {
		data, err := os.ReadFile(filepath.Join(dir, "opendata", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte("\uFEFF")) {
			t.Errorf("%s has no byte-order mark", name)
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(rows) != want {
			t.Errorf("%s has %d rows, want %d", name, len(rows), want)
		}
	}
}
