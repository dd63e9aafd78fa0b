"""Real servers the transfer tests start on loopback: OpenSSH's sshd, a tus server, a cutting proxy."""
