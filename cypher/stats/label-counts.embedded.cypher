// Node count per label.
// params: none
// returns: label, count
MATCH (n)
RETURN label(n) AS label, count(*) AS count
