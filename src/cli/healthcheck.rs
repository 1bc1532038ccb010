//! `verbatim healthcheck`: GET /health on the configured address; exit 0 when it answers
//! 200. Plain HTTP/1.0 over TCP, so it needs no client library (for Docker HEALTHCHECK).

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

pub fn run(addr: SocketAddr) -> anyhow::Result<()> {
    let mut addr = addr;
    if addr.ip().is_unspecified() {
        // A server bound to 0.0.0.0 answers on loopback.
        addr.set_ip(std::net::Ipv4Addr::LOCALHOST.into());
    }
    let timeout = Duration::from_secs(3);
    let mut stream = TcpStream::connect_timeout(&addr, timeout)?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    write!(
        stream,
        "GET /health HTTP/1.0\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )?;
    let mut response = Vec::new();
    stream.take(64 * 1024).read_to_end(&mut response)?;
    let head = String::from_utf8_lossy(&response);
    let status_line = head.lines().next().unwrap_or("");
    if status_line.split_whitespace().nth(1) == Some("200") {
        println!("ok");
        Ok(())
    } else {
        anyhow::bail!("unhealthy: {status_line:?}")
    }
}
