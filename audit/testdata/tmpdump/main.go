package main

import (
	"fmt"
	"os"

	"jixiao/importer/text"
)

func main() {
	f, _ := os.Open(os.Args[1])
	d, err := text.Read(f, os.Args[1])
	if err != nil {
		panic(err)
	}
	for i, b := range d.Blocks {
		if b.Table != nil {
			fmt.Println(i, "table", b.Pos.Line, len(b.Table.Rows))
			continue
		}
		r := []rune(b.Text)
		if len(r) > 40 {
			r = r[:40]
		}
		fmt.Println(i, b.Kind, b.Level, b.Pos.Line, string(r))
	}
}
