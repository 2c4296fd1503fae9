// One setting's value.
// params: $key
// returns: value
MATCH (s:Setting {key: $key})
RETURN s.value AS value
