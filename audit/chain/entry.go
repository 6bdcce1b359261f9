package chain

import (
	"time"

	"github.com/vetoscreen/veto/entity"
)

// Actions recorded in the audit trail.
const (
	ActionScreen         = "screen"     // a screening call's outcome summary
	ActionLogin          = "user.login" // a successful sign-in
	ActionLoginFailed    = "user.login_failed"
	ActionLogout         = "user.logout"
	ActionUserCreate     = "user.create"
	ActionUserUpdate     = "user.update" // role, password or display name
	ActionUserDisable    = "user.disable"
	ActionUserEnable     = "user.enable"
	ActionKeyCreate      = "key.create"
	ActionKeyRevoke      = "key.revoke"
	ActionAlertDecide    = "alert.decide"
	ActionAlertApprove   = "alert.approve"
	ActionAlertReject    = "alert.reject"
	ActionAlertAssign    = "alert.assign"
	ActionAlertMerge     = "alert.merge"       // an open alert merged into another of its subject
	ActionAlertRenew     = "alert.new_listing" // a subject's alert raised again or updated: a new listing joined it
	ActionAlertResubject = "alert.resubject"   // an alert's subject has a new ID: an analyst merged or split subjects
	ActionAllowAdd       = "allowlist.add"
	ActionAllowRevoke    = "allowlist.revoke"
	ActionListVersion    = "list.version" // a new list version stored
	ActionMonitorRun     = "monitor.run"
	ActionAuditExport    = "audit.export"
	ActionCustomerRemove = "customer.remove"
	ActionSubjectDecide  = "subject.decide" // a merge, not-same or alone decision on subjects
	ActionSubjectRevoke  = "subject.revoke" // its revocation
	ActionReportExport   = "report.export"  // an evidence report generated, with its SHA-256
)

// Entry makes an entry to append: data becomes compact JSON.
func Entry(at time.Time, actor, action, subject string, data any) (entity.AuditEntry, error) {
	raw, err := Compact(data)
	if err != nil {
		return entity.AuditEntry{}, err
	}
	return entity.AuditEntry{At: at.UTC(), Actor: actor, Action: action, Subject: subject, Data: raw}, nil
}
