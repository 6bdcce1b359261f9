package notify

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
)

const secret = "a-secret-of-some-length"

// receiver records what it is sent, answering with the statuses given in
// turn (then 200).
type receiver struct {
	mu       sync.Mutex
	statuses []int
	got      []received
	srv      *httptest.Server
}

type received struct {
	event, delivery string
	msg             message
	verified        error
}

func newReceiver(t *testing.T, statuses ...int) *receiver {
	r := &receiver{statuses: statuses}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		var m message
		json.Unmarshal(body, &m)
		r.mu.Lock()
		defer r.mu.Unlock()
		r.got = append(r.got, received{req.Header.Get("Veto-Event"), req.Header.Get("Veto-Delivery"), m,
			Verify(secret, req.Header.Get("Veto-Signature"), body, time.Now(), time.Minute)})
		if len(r.statuses) > 0 {
			w.WriteHeader(r.statuses[0])
			r.statuses = r.statuses[1:]
		}
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *receiver) received() []received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]received(nil), r.got...)
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestDeliveryRetriesAndSignatures(t *testing.T) {
	all := newReceiver(t, 500, 503) // fails twice, then accepts
	alertsOnly := newReceiver(t)
	reg := prometheus.NewRegistry()
	n, err := New([]Webhook{{URL: all.srv.URL, Secret: secret}, {URL: alertsOnly.srv.URL, Secret: secret, Events: []string{"alert.created"}}},
		Config{Backoff: time.Millisecond}, reg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close(context.Background())
	n.Notify("list.version", map[string]any{"list": "un-sc", "id": 7})
	n.Notify("alert.created", map[string]any{"id": 1, "customerId": "C1"})
	waitFor(t, func() bool { return len(all.received()) == 4 && len(alertsOnly.received()) == 1 })

	got := all.received()
	// Two failed attempts of the first, its success, then the second: in
	// order, the retries under one delivery ID.
	if got[0].delivery != got[1].delivery || got[1].delivery != got[2].delivery || got[3].delivery == got[0].delivery {
		t.Errorf("delivery IDs %q %q %q %q", got[0].delivery, got[1].delivery, got[2].delivery, got[3].delivery)
	}
	if got[2].event != "list.version" || got[3].event != "alert.created" || got[3].msg.Event != "alert.created" {
		t.Errorf("events %q %q", got[2].event, got[3].event)
	}
	var data map[string]any
	json.Unmarshal(got[2].msg.Data, &data)
	if data["list"] != "un-sc" {
		t.Errorf("data %s", got[2].msg.Data)
	}
	for _, r := range append(got, alertsOnly.received()...) {
		if r.verified != nil {
			t.Errorf("signature: %v", r.verified)
		}
	}
	if ev := alertsOnly.received()[0].event; ev != "alert.created" {
		t.Errorf("filtered webhook got %s", ev)
	}
	if v := value(n.deliveries.WithLabelValues(all.srv.URL, "list.version", "retry")); v != 2 {
		t.Errorf("retries counted %v, want 2", v)
	}
	if v := value(n.deliveries.WithLabelValues(all.srv.URL, "list.version", "ok")); v != 1 {
		t.Errorf("ok counted %v", v)
	}
}

func TestGivesUpAndNeverBlocks(t *testing.T) {
	// A receiver that always fails: delivery gives up after Attempts.
	down := newReceiver(t, 500, 500, 500, 500, 500)
	// A receiver that hangs: Notify must still return at once.
	hang := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-hang }))
	defer slow.Close()
	defer close(hang)
	n, err := New([]Webhook{{URL: down.srv.URL, Secret: secret}, {URL: slow.URL, Secret: secret}},
		Config{Attempts: 3, Backoff: time.Millisecond, Queue: 10, Timeout: time.Minute}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	n.Notify("alert.created", 1)
	waitFor(t, func() bool { return value(n.deliveries.WithLabelValues(down.srv.URL, "alert.created", "failed")) == 1 })
	if len(down.received()) != 3 {
		t.Errorf("%d attempts, want 3", len(down.received()))
	}
	start := time.Now()
	for i := 0; i < 100; i++ {
		n.Notify("alert.created", i)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Notify blocked for %v behind a hanging receiver", d)
	}
	if dropped := value(n.deliveries.WithLabelValues(slow.URL, "alert.created", "dropped")); dropped < 80 {
		t.Errorf("dropped %v notifications, want the ones beyond the queue", dropped)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	n.Close(ctx) // returns although the slow receiver never answers
}

func TestVerify(t *testing.T) {
	body := []byte(`{"event":"alert.created"}`)
	now := time.Unix(1_800_000_000, 0)
	h := Sign(secret, now, body)
	if err := Verify(secret, h, body, now.Add(10*time.Second), time.Minute); err != nil {
		t.Errorf("valid: %v", err)
	}
	for _, tc := range []struct {
		name   string
		secret string
		header string
		body   []byte
		now    time.Time
		want   error
	}{
		{"tampered body", secret, h, []byte(`{"event":"alert.cleared"}`), now, ErrSignature},
		{"wrong secret", "another-secret-of-length", h, body, now, ErrSignature},
		{"replayed later", secret, h, body, now.Add(time.Hour), ErrStale},
		{"malformed", secret, "v1=abc", body, now, ErrSignature},
	} {
		if err := Verify(tc.secret, tc.header, tc.body, tc.now, time.Minute); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
}

func TestNewRefusesBadWebhooks(t *testing.T) {
	for _, w := range []Webhook{{URL: "ftp://x", Secret: secret}, {URL: "https://x", Secret: "short"}} {
		if _, err := New([]Webhook{w}, Config{}, nil, nil); err == nil {
			t.Errorf("%+v accepted", w)
		}
	}
}

// value reads a counter or gauge.
func value(c prometheus.Metric) float64 {
	var m dto.Metric
	if err := c.Write(&m); err != nil {
		panic(err)
	}
	if m.Counter != nil {
		return m.Counter.GetValue()
	}
	return m.Gauge.GetValue()
}
