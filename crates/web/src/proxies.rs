//! Whose address a request comes from, behind reverse proxies. The peer's
//! address is the client's unless the peer is one of the configured
//! `trusted_proxies`; then the client is the nearest address in
//! `X-Forwarded-For` that is not a trusted proxy. A header sent by anyone
//! else is ignored, so a stranger cannot pose as another address to dodge
//! or aim the sign-in throttling.

use std::net::IpAddr;

use axum::http::HeaderMap;

/// An address or a network (`10.0.0.0/8`, `::1`, `192.0.2.7`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Network {
    addr: IpAddr,
    prefix: u8,
}

impl std::str::FromStr for Network {
    type Err = String;

    fn from_str(s: &str) -> Result<Network, String> {
        let s = s.trim();
        let bad = || format!("`{s}` is not an address or a network such as 10.0.0.0/8");
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let addr: IpAddr = addr.parse().map_err(|_| bad())?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p.parse::<u8>().ok().filter(|p| *p <= max).ok_or_else(bad)?,
            None => max,
        };
        Ok(Network { addr, prefix })
    }
}

impl Network {
    pub fn contains(&self, ip: IpAddr) -> bool {
        // An IPv4 peer may reach a dual-stack socket as ::ffff:a.b.c.d.
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
            v4 => v4,
        };
        match (self.addr, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

/// The client's address: `peer`, or when `peer` is a trusted proxy, the
/// last address in `X-Forwarded-For` that is not one.
pub fn client(peer: IpAddr, headers: &HeaderMap, trusted: &[Network]) -> IpAddr {
    if !trusted.iter().any(|n| n.contains(peer)) {
        return peer;
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map_while(|a| a.trim().parse().ok())
        .collect();
    forwarded
        .iter()
        .rev()
        .copied()
        .find(|ip| !trusted.iter().any(|n| n.contains(*ip)))
        .or_else(|| forwarded.first().copied())
        .unwrap_or(peer)
}

/// The client of a request, from its connection (when the server knows
/// it) and the state's trusted proxies.
pub fn of_request(
    state: &crate::AppState,
    headers: &HeaderMap,
    connect: Option<std::net::SocketAddr>,
) -> Option<IpAddr> {
    connect.map(|peer| client(peer.ip(), headers, &state.trusted_proxies))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nets(list: &[&str]) -> Vec<Network> {
        list.iter().map(|s| s.parse().unwrap()).collect()
    }

    fn headers(xff: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", xff.parse().unwrap());
        h
    }

    #[test]
    fn only_trusted_proxies_may_name_the_client() {
        let trusted = nets(&["10.0.0.0/8", "::1"]);
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        // A stranger's header is ignored.
        assert_eq!(
            client(ip("203.0.113.9"), &headers("198.51.100.1"), &trusted),
            ip("203.0.113.9")
        );
        // Through the proxy: the nearest untrusted address, not what the
        // client wrote at the left.
        assert_eq!(
            client(
                ip("10.1.2.3"),
                &headers("192.0.2.66, 198.51.100.7, 10.0.0.5"),
                &trusted
            ),
            ip("198.51.100.7")
        );
        assert_eq!(
            client(ip("::1"), &headers("2001:db8::7"), &trusted),
            ip("2001:db8::7")
        );
        // No header, or only proxies in it: the proxy or the first one.
        assert_eq!(
            client(ip("10.1.2.3"), &HeaderMap::new(), &trusted),
            ip("10.1.2.3")
        );
        assert_eq!(
            client(ip("10.1.2.3"), &headers("10.9.9.9"), &trusted),
            ip("10.9.9.9")
        );
        // An IPv4 peer seen through an IPv6 socket.
        assert!(nets(&["127.0.0.1"])[0].contains(ip("::ffff:127.0.0.1")));
        assert!("10.0.0.0/33".parse::<Network>().is_err());
        assert!("proxy.local".parse::<Network>().is_err());
    }
}
