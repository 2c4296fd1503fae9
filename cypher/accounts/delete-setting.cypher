// Removes one setting.
// params: $key
// returns: nothing
MATCH (s:Setting {key: $key})
DELETE s
