package yamlfile

import (
	"encoding/json"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// TestSchemaMatchesFormat keeps docs/evaluation.schema.json in step with the
// keys the decoder accepts: an editor must not flag a valid file, nor pass a
// key the decoder refuses.
func TestSchemaMatchesFormat(t *testing.T) {
	b, err := os.ReadFile("../docs/evaluation.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(b, &schema); err != nil {
		t.Fatal(err)
	}
	defs := schema["$defs"].(map[string]any)
	var compare func(path string, typ reflect.Type, node map[string]any)
	compare = func(path string, typ reflect.Type, node map[string]any) {
		if ref, ok := node["$ref"].(string); ok {
			node = defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		}
		if items, ok := node["items"].(map[string]any); ok {
			node = items
			if ref, ok := node["$ref"].(string); ok {
				node = defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
			}
		}
		props, _ := node["properties"].(map[string]any)
		var want, got []string
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			key := f.Tag.Get("yaml")
			if key == "" {
				continue
			}
			want = append(want, key)
			ft := f.Type
			for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct && ft != reflect.TypeOf(scalar{}) {
				sub, ok := props[key].(map[string]any)
				if !ok {
					t.Errorf("%s%s: not in the schema", path, key)
					continue
				}
				compare(path+key+".", ft, sub)
			}
		}
		for k := range props {
			got = append(got, k)
		}
		sort.Strings(want)
		sort.Strings(got)
		if !reflect.DeepEqual(want, got) {
			t.Errorf("%s: decoder keys %v, schema keys %v", path, want, got)
		}
	}
	compare("", reflect.TypeOf(file{}), schema)
}
