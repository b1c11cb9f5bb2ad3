{{/* Every object is named after the release: `helm install opus-agent …` gives opus-agent. */}}
{{- define "opus-agent.name" -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "opus-agent.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "opus-agent.labels" -}}
{{ include "opus-agent.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: {{ .Values.mode }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "opus-agent.image" -}}
{{- if .Values.image.digest -}}
{{ .Values.image.repository }}@{{ .Values.image.digest }}
{{- else -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}
{{- end -}}

{{- define "opus-agent.serviceAccountName" -}}
{{- .Values.serviceAccount.name | default (include "opus-agent.name" .) -}}
{{- end -}}

{{/* Where the agent keeps its state: the outbox (report-only), seen nonces and PULUMI_HOME (run). */}}
{{- define "opus-agent.stateDir" -}}/var/lib/opus-agent{{- end -}}

{{/* Restricted Pod Security for every container: nothing written outside the volumes. */}}
{{- define "opus-agent.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities: { drop: [ALL] }
{{- end -}}
