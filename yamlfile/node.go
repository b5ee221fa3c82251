package yamlfile

import (
	"go.yaml.in/yaml/v3"

	"jixiao"
)

// Node returns ev's file form as the YAML mapping node Encode writes, with
// every scalar tagged (!!str, !!int, !!float, !!null), for a caller that
// turns the file form into another syntax (the JSON API) without writing
// the YAML text and reading it back.
func Node(ev *jixiao.Evaluation) *yaml.Node {
	return (&encoder{ev: ev}).evaluation()
}
