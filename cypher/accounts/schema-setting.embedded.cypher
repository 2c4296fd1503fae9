// Server settings kept with the accounts (the one-time set-up token's hash).
// params: none
// returns: nothing
CREATE NODE TABLE IF NOT EXISTS Setting(key STRING PRIMARY KEY, value STRING)
