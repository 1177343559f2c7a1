#!/usr/bin/env bash
# For a machine that cannot reach a container registry: makes a base image tarball (docker-save
# format) from this machine's own JDK and C library, for
#   ./mvnw -Pimage -DskipTests package -Djib.from.image=tar://$PWD/ops/work/base/base.tar
# The normal base is eclipse-temurin:25-jre (pom.xml, profile "image"); this one has a jlinked
# runtime with the modules the platform uses, glibc and CA certificates, and nothing else.
source "$(dirname "$0")/lib.sh"
OUT="$ROOT/ops/work/base"
JDK="${JAVA_HOME:-$(dirname "$(dirname "$(java_cmd)")")}"
rm -rf "$OUT"; mkdir -p "$OUT/rootfs/opt/java" "$OUT/rootfs/etc" "$OUT/rootfs/tmp" "$OUT/layer"
"$JDK/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.management,jdk.naming.dns,jdk.zipfs,jdk.localedata,jdk.charsets,jdk.net,jdk.httpserver \
  --strip-debug --no-header-files --no-man-pages --output "$OUT/rootfs/opt/java/openjdk"
# the libraries the runtime links against, with the paths they have here
for f in $(ldd "$OUT"/rootfs/opt/java/openjdk/bin/java "$OUT"/rootfs/opt/java/openjdk/lib/*.so \
             "$OUT"/rootfs/opt/java/openjdk/lib/server/*.so 2>/dev/null \
           | awk '/=>/ && $3 ~ /^\// {print $3} /^[ \t]+\/.*ld-linux/ {print $1}' | grep -v "^$OUT" | sort -u); do
  mkdir -p "$OUT/rootfs$(dirname "$f")"; cp -L "$f" "$OUT/rootfs$f"
done
for f in /lib/x86_64-linux-gnu/libnss_files.so.2 /lib/x86_64-linux-gnu/libnss_dns.so.2 /lib/x86_64-linux-gnu/libresolv.so.2; do
  [ -e "$f" ] && { mkdir -p "$OUT/rootfs$(dirname "$f")"; cp -L "$f" "$OUT/rootfs$f"; }
done
mkdir -p "$OUT/rootfs/etc/ssl/certs" && cp -L /etc/ssl/certs/ca-certificates.crt "$OUT/rootfs/etc/ssl/certs/" 2>/dev/null || true
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/var/lib/binhdan:/sbin/nologin\n' > "$OUT/rootfs/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "$OUT/rootfs/etc/group"
printf 'hosts: files dns\n' > "$OUT/rootfs/etc/nsswitch.conf"
chmod 1777 "$OUT/rootfs/tmp"
tar -C "$OUT/rootfs" --numeric-owner --owner=0 --group=0 -cf "$OUT/layer/layer.tar" .
diff_id="sha256:$(sha256sum "$OUT/layer/layer.tar" | cut -d' ' -f1)"
cat > "$OUT/config.json" <<JSON
{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/bin:/bin","JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8"]},"rootfs":{"type":"layers","diff_ids":["$diff_id"]}}
JSON
cfg="$(sha256sum "$OUT/config.json" | cut -d' ' -f1).json"
mv "$OUT/config.json" "$OUT/$cfg"
echo "[{\"Config\":\"$cfg\",\"RepoTags\":[\"binhdan-base:local\"],\"Layers\":[\"layer/layer.tar\"]}]" > "$OUT/manifest.json"
tar -C "$OUT" -cf "$OUT/base.tar" manifest.json "$cfg" layer/layer.tar
log "base image: $OUT/base.tar ($(du -h "$OUT/base.tar" | cut -f1))"
