// Range index on MEMBER_OF.since: membership on a date is the most frequent question asked.
// params: none
// returns: nothing
CREATE INDEX member_of_since IF NOT EXISTS
FOR ()-[r:MEMBER_OF]-() ON (r.since)
