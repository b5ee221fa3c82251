package jixiao

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// SourceFile is an uploaded document, stored by content: the same bytes
// uploaded twice are one file. Evaluations created from it keep its hash,
// and their provenance says where in it each figure was read.
type SourceFile struct {
	Hash       string // SHA-256 of Content, hex
	Name       string // the file name as uploaded
	Format     string // "docx", "xlsx", "pdf", "html", "text", "yaml"
	Size       int64
	Content    []byte // nil in lists
	UploadedBy int64
	CreatedAt  time.Time
}

// ContentHash is the content address of b.
func ContentHash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// SourceService stores uploaded documents.
type SourceService interface {
	// CreateSource stores f.Content under its hash and sets Hash, Size and
	// CreatedAt; storing bytes already present keeps the first upload.
	CreateSource(ctx context.Context, f *SourceFile) error
	// FindSourceByHash returns a stored document with its content; the user
	// must be allowed to view an evaluation made from it, or have uploaded it.
	FindSourceByHash(ctx context.Context, hash string) (*SourceFile, error)
}
