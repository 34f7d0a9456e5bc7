#!/bin/sh
# /etc/nginx/templates/NAME.template becomes /etc/nginx/conf.d/NAME with ${VARIABLES} filled in.
set -e
template_dir="${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}"
output_dir="${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}"
suffix="${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}"
[ -d "$template_dir" ] || exit 0
defined_envs=$(printf '${%s} ' $(awk "END { for (name in ENVIRON) { print ( name ~ /^[A-Za-z_][A-Za-z0-9_]*$/ ) ? name : \"\" } }" </dev/null))
find "$template_dir" -follow -type f -name "*$suffix" -print | while read -r template; do
    relative_path="${template#"$template_dir/"}"
    output_path="$output_dir/${relative_path%"$suffix"}"
    mkdir -p "$(dirname "$output_path")"
    echo "$0: Running envsubst on $template to $output_path"
    envsubst "$defined_envs" < "$template" > "$output_path"
done
