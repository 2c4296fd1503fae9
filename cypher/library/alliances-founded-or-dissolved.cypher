// title: Alliances founded or dissolved in a period
// description: Alliances and organisations whose founding or dissolution date falls between the two dates (inclusive).
// param from: date = 1945-01-01 — first day of the period
// param to: date = 1991-12-31 — last day of the period
// view: table
// returns: id, name, kind, founded, dissolved
MATCH (a:Alliance)
WHERE (a.founded >= $from AND a.founded <= $to) OR (a.dissolved >= $from AND a.dissolved <= $to)
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.founded AS founded, a.dissolved AS dissolved
ORDER BY founded
