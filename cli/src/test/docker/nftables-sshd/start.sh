#!/bin/sh
# authorized key from the environment, listeners, then sshd in the foreground
echo "$AUTHORIZED_KEY" > /root/.ssh/authorized_keys
chmod 600 /root/.ssh/authorized_keys
socat TCP-LISTEN:5222,fork,reuseaddr SYSTEM:'echo !' &
socat TCP-LISTEN:1500,fork,reuseaddr SYSTEM:'echo !' &
ssh-keygen -A
exec /usr/sbin/sshd -D -e -o PermitRootLogin=prohibit-password -o PasswordAuthentication=no
