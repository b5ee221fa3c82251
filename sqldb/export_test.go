package sqldb

// SetRevisionCache replaces db's cache of decoded revisions by one of n
// entries; 0 turns it off, so that a test can read the plain path.
func (db *DB) SetRevisionCache(n int) { db.revs = newRevisionCache(n) }

// SetTaskCache replaces db's cache of tasks by one of n entries; 0 turns
// it off.
func (db *DB) SetTaskCache(n int) { db.tasks = newTaskCache(n) }
