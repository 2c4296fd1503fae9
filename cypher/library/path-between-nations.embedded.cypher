// title: Path between two nations
// description: A shortest chain of relationships of any date between two nations (the explorer's path tool answers for a given date).
// param from: id = nation:FIN — where the path starts
// param to: id = nation:IND — where it ends
// view: graph
// returns: path, hops
MATCH p = (a:Nation {id: $from})-[* SHORTEST 1..6]-(b:Nation {id: $to})
RETURN p AS path, length(p) AS hops
LIMIT 1
