// Creates or replaces one setting.
// params: $key, $value
// returns: nothing
MERGE (s:Setting {key: $key})
SET s.value = $value
