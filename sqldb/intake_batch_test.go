package sqldb_test

import (
	"fmt"
	"testing"

	"jixiao"
	"jixiao/sqldb"
)

// TestCreateIntakeChunks stores a batch of more files than one statement
// takes, with copies that fall in another chunk than their first and
// files that fail at once: each file is an item in batch order, each
// distinct content one queued job, each copy a duplicate naming its first.
func TestCreateIntakeChunks(t *testing.T) { eachEngine(t, testCreateIntakeChunks) }

func testCreateIntakeChunks(t *testing.T, dsn string) {
	w := mustWorld(t, dsn)
	const distinct, copies = 260, 190
	var files []jixiao.IntakeFile
	for i := range distinct {
		files = append(files, jixiao.IntakeFile{Name: fmt.Sprintf("%03d.txt", i), Content: fmt.Appendf(nil, "自评 %d", i)})
	}
	for i := range copies {
		files = append(files, jixiao.IntakeFile{Name: fmt.Sprintf("copy-%03d.txt", i), Content: fmt.Appendf(nil, "自评 %d", i*7%distinct)})
	}
	files = append(files, jixiao.IntakeFile{Name: "empty.txt"}, jixiao.IntakeFile{Name: "bad.zip", Error: "压缩包损坏"})
	svc := sqldb.NewIntakeService(w.db)
	in := &jixiao.Intake{OrgID: w.F.ID, Name: "分块", Year: 2024}
	if err := svc.CreateIntake(as(w.financeAdmin), in, files); err != nil {
		t.Fatal(err)
	}
	if in.Total != len(files) || in.Queued != distinct || in.Duplicates != copies || in.Failed != 2 {
		t.Fatalf("total %d, queued %d, duplicates %d, failed %d; want %d, %d, %d, 2", in.Total, in.Queued, in.Duplicates, in.Failed, len(files), distinct, copies)
	}
	items, n, err := svc.FindIntakeItems(as(w.financeAdmin), in.ID, jixiao.IntakeItemFilter{})
	if err != nil || n != len(files) {
		t.Fatalf("%d items, %v", n, err)
	}
	for i, it := range items {
		if it.Seq != i+1 || it.Name != files[i].Name {
			t.Fatalf("item %d: seq %d %s, want %d %s", i, it.Seq, it.Name, i+1, files[i].Name)
		}
		if i >= distinct && i < distinct+copies {
			first := (i-distinct)*7%distinct + 1
			if want := fmt.Sprintf("与本批第 %d 个文件内容相同", first); it.State != jixiao.ItemDuplicate || it.Error != want {
				t.Errorf("item %s: %s %q, want duplicate %q", it.Name, it.State, it.Error, want)
			}
		}
	}
	works, err := svc.ClaimIntakeWork(console(), "chunks", 60e9, distinct+10)
	if err != nil || len(works) != distinct {
		t.Fatalf("claimed %d of %d queued (%v)", len(works), distinct, err)
	}
	for i, wk := range works {
		if wk.Item.Seq != i+1 || string(wk.Content) != string(files[i].Content) {
			t.Fatalf("work %d: item %d, content %q", i, wk.Item.Seq, wk.Content)
		}
	}
}
