#!/bin/sh
# authorized key from the environment, listeners (each answers "!"), then sshd in the foreground
echo "$AUTHORIZED_KEY" > /root/.ssh/authorized_keys
chmod 600 /root/.ssh/authorized_keys
for p in ${LISTEN_PORTS:-5222 1500}; do
  socat TCP-LISTEN:$p,fork,reuseaddr SYSTEM:'echo !' &
done
ssh-keygen -A >/dev/null
exec /usr/sbin/sshd -D -e
