"""How a submission leaves: the route (channel and protection) the office accepts, the protection
applied to the office's files, and the officer's record of what was sent, how and to whom."""
