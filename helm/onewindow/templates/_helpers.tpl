{{/* The release's base name: the release name, with the chart's name unless it already holds it. */}}
{{- define "onewindow.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* An app's resource name; dict root, name. */}}
{{- define "onewindow.appName" -}}
{{- printf "%s-%s" (include "onewindow.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "onewindow.chartLabel" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The labels that select the release's pods. */}}
{{- define "onewindow.releaseSelector" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* The labels that select one component's pods; dict root, name. */}}
{{- define "onewindow.selectorLabels" -}}
{{ include "onewindow.releaseSelector" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* All labels of one component's objects; dict root, name. */}}
{{- define "onewindow.labels" -}}
{{ include "onewindow.selectorLabels" . }}
app.kubernetes.io/part-of: onewindow
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ include "onewindow.chartLabel" .root }}
{{- end -}}

{{/*
An app's settings as YAML: defaults.* overridden key by key by apps.<name>.*; dict root, name.
mergeOverwrite skips false, so autoscaling.enabled is read from the app first.
*/}}
{{- define "onewindow.app" -}}
{{- $own := index .root.Values.apps .name | default dict -}}
{{- $merged := mergeOverwrite (deepCopy .root.Values.defaults) (deepCopy $own) -}}
{{- $_ := set $merged.autoscaling "enabled" (dig "autoscaling" "enabled" .root.Values.defaults.autoscaling.enabled $own) -}}
{{- toYaml $merged -}}
{{- end -}}

{{/* <registry>/<prefix>/onewindow-<name>:<tag>; dict root, name. */}}
{{- define "onewindow.image" -}}
{{- $image := .root.Values.image -}}
{{- $repository := join "/" (compact (list $image.registry $image.prefix (printf "onewindow-%s" .name))) -}}
{{- printf "%s:%s" $repository (toString (default .root.Chart.AppVersion $image.tag)) -}}
{{- end -}}

{{/* The fewest replicas an app runs with: the HPA's minimum or its replica count; dict app. */}}
{{- define "onewindow.minReplicas" -}}
{{- if .app.autoscaling.enabled -}}
{{- int .app.autoscaling.minReplicas -}}
{{- else -}}
{{- int .app.replicas -}}
{{- end -}}
{{- end -}}

{{/* Keycloak's base URL: keycloak.realmImport.url, or the issuer without /realms/<realm>. */}}
{{- define "onewindow.keycloakUrl" -}}
{{- default (regexReplaceAll "/realms/[^/]+/?$" .Values.keycloak.issuer "") .Values.keycloak.realmImport.url -}}
{{- end -}}

{{/* The Pod security context and the /tmp volume every container mounts (read-only root). */}}
{{- define "onewindow.podSecurity" -}}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
